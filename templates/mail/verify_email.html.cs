<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Confirm your email address</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p><?cs if:name ?>Hello <?cs var:name ?>,<?cs else ?>Hello,<?cs /if ?></p>
<p>Thank you for creating a Wholesale Market account. Please confirm that this is your email
address:</p>
<p><a href="<?cs var:link ?>" style="display: inline-block; padding: 10px 18px; background: #1d5fbf; color: #fff; text-decoration: none; border-radius: 4px;">Confirm my email address</a></p>
<p>If the button does not work, copy this link into your browser:<br><?cs var:link ?></p>
<p>The link works once. If you did not create an account, you can ignore this message: nothing
will happen and no account will be activated for this address.</p>
<p>The Wholesale Market team<br><a href="<?cs var:Site.Url ?>"><?cs var:Site.Url ?></a></p>
</body>
</html>

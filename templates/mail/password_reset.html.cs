<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Reset your password</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p><?cs if:name ?>Hello <?cs var:name ?>,<?cs else ?>Hello,<?cs /if ?></p>
<p>Someone asked to reset the password of the Wholesale Market account for this email
address. To choose a new password:</p>
<p><a href="<?cs var:link ?>" style="display: inline-block; padding: 10px 18px; background: #1d5fbf; color: #fff; text-decoration: none; border-radius: 4px;">Choose a new password</a></p>
<p>If the button does not work, copy this link into your browser:<br><?cs var:link ?></p>
<p>The link works once and expires in <?cs var:expires_minutes ?> minutes. After the reset,
every device signed in to your account is signed out.</p>
<p>If you did not ask for this, you can ignore this message: your password stays the same.
If you receive such messages often, please tell us.</p>
<p>The Wholesale Market team<br><a href="<?cs var:Site.Url ?>"><?cs var:Site.Url ?></a></p>
</body>
</html>

<?cs if:name ?>Hello <?cs var:name ?>,<?cs else ?>Hello,<?cs /if ?>

Someone asked to reset the password of the Wholesale Market account for this
email address. To choose a new password, open the link below:

<?cs var:link ?>

The link works once and expires in <?cs var:expires_minutes ?> minutes. After the reset,
every device signed in to your account is signed out.

If you did not ask for this, you can ignore this message: your password stays
the same. If you receive such messages often, please tell us.

The Wholesale Market team
<?cs var:Site.Url ?>

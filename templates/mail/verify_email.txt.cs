<?cs if:name ?>Hello <?cs var:name ?>,<?cs else ?>Hello,<?cs /if ?>

Thank you for creating a Wholesale Market account. Please confirm that this is
your email address by opening the link below:

<?cs var:link ?>

The link works once. If you did not create an account, you can ignore this
message: nothing will happen and no account will be activated for this address.

The Wholesale Market team
<?cs var:Site.Url ?>

<h1><?cs var:Lang.Reset.Heading ?></h1>
<?cs call:errors() ?>
<form method="post" action="/reset-password" class="form" novalidate>
  <?cs call:op("ResetPassword") ?>
  <input type="hidden" name="token" value="<?cs if:Form.token ?><?cs var:Form.token ?><?cs else ?><?cs var:Query.token ?><?cs /if ?>">
  <?cs call:field("newPassword", "password", Lang.Reset.NewPassword, "new-password", "") ?>
  <button type="submit"><?cs var:Lang.Reset.Submit ?></button>
</form>

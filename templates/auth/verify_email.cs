<h1><?cs var:Lang.Verify.Heading ?></h1>
<?cs call:errors() ?>
<p><?cs var:Lang.Verify.Intro ?></p>
<form method="post" action="/verify-email" class="form">
  <?cs call:op("VerifyEmail") ?>
  <input type="hidden" name="token" value="<?cs if:Form.token ?><?cs var:Form.token ?><?cs else ?><?cs var:Query.token ?><?cs /if ?>">
  <button type="submit"><?cs var:Lang.Verify.Submit ?></button>
</form>

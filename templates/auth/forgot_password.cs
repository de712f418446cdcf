<h1><?cs var:Lang.Forgot.Heading ?></h1>
<p><?cs var:Lang.Forgot.Intro ?></p>
<?cs call:errors() ?>
<form method="post" action="/forgot-password" class="form" novalidate>
  <?cs call:op("ForgotPassword") ?>
  <?cs call:field("email", "email", Lang.Form.Email, "email", "") ?>
  <button type="submit"><?cs var:Lang.Forgot.Submit ?></button>
</form>

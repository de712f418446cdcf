<h1><?cs var:Lang.SignIn.Heading ?></h1>
<?cs if:Errors.0.code == "OTP_REQUIRED" || Form.otpCode ?>
<form method="post" action="/sign-in" class="form" novalidate>
  <?cs call:op("SignIn") ?>
  <?cs if:Errors.0.code != "OTP_REQUIRED" ?><?cs call:errors() ?><?cs /if ?>
  <p><?cs var:Lang.SignIn.OtpIntro ?></p>
  <input type="hidden" name="email" value="<?cs var:Form.email ?>">
  <input type="hidden" name="password" value="<?cs var:Form.password ?>">
  <input type="hidden" name="next" value="<?cs var:Form.next ?>">
  <?cs if:Form.rememberMe ?><input type="hidden" name="rememberMe" value="on"><?cs /if ?>
  <div class="field">
    <label for="f-otpCode"><?cs var:Lang.SignIn.OtpCode ?></label>
    <input id="f-otpCode" name="otpCode" type="text" inputmode="numeric" autocomplete="one-time-code">
  </div>
  <button type="submit"><?cs var:Lang.SignIn.Verify ?></button>
</form>
<?cs else ?>
<?cs call:errors() ?>
<form method="post" action="/sign-in" class="form" novalidate>
  <?cs call:op("SignIn") ?>
  <input type="hidden" name="next" value="<?cs if:Form.next ?><?cs var:Form.next ?><?cs else ?><?cs var:Query.next ?><?cs /if ?>">
  <?cs call:field("email", "email", Lang.Form.Email, "username", "") ?>
  <?cs call:field("password", "password", Lang.SignIn.Password, "current-password", "") ?>
  <?cs call:checkbox("rememberMe", Lang.SignIn.Remember, Form.rememberMe) ?>
  <button type="submit"><?cs var:Lang.SignIn.Submit ?></button>
</form>
<p><a href="/forgot-password"><?cs var:Lang.SignIn.Forgot ?></a></p>
<p><?cs var:Lang.SignIn.NoAccount ?> <a href="/sign-up"><?cs var:Lang.Nav.SignUp ?></a></p>
<?cs /if ?>

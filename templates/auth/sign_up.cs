<h1><?cs var:Lang.SignUp.Heading ?></h1>
<?cs call:errors() ?>
<form method="post" action="/sign-up" class="form" novalidate>
  <?cs call:op("SignUp") ?>
  <?cs call:field("firstName", "text", Lang.SignUp.FirstName, "given-name", "") ?>
  <?cs call:field("lastName", "text", Lang.SignUp.LastName, "family-name", "") ?>
  <?cs call:field("email", "email", Lang.Form.Email, "email", "") ?>
  <?cs call:field("password1", "password", Lang.SignUp.Password, "new-password", "") ?>
  <?cs call:field("password2", "password", Lang.SignUp.Password2, "new-password", "") ?>
  <div class="field">
    <label for="f-accountType"><?cs var:Lang.SignUp.AccountType ?></label>
    <select id="f-accountType" name="accountType">
      <option value="CUSTOMER"<?cs if:Form.accountType == "CUSTOMER" ?> selected<?cs /if ?>><?cs var:Lang.SignUp.Customer ?></option>
      <option value="VENDOR"<?cs if:Form.accountType == "VENDOR" ?> selected<?cs /if ?>><?cs var:Lang.SignUp.Vendor ?></option>
      <option value="RESELLER"<?cs if:Form.accountType == "RESELLER" ?> selected<?cs /if ?>><?cs var:Lang.SignUp.Reseller ?></option>
    </select>
  </div>
  <div class="field check">
    <input id="f-termsAccepted" name="termsAccepted" type="checkbox" required<?cs if:Form.termsAccepted ?> checked<?cs /if ?>>
    <label for="f-termsAccepted"><?cs var:Lang.SignUp.Terms ?></label>
  </div>
  <button type="submit"><?cs var:Lang.SignUp.Submit ?></button>
</form>
<p><?cs var:Lang.SignUp.HaveAccount ?> <a href="/sign-in"><?cs var:Lang.Nav.SignIn ?></a></p>

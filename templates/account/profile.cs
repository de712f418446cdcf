<h1><?cs var:Lang.Title.account_profile ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<?cs with:u = Data.viewMe ?>
<form method="post" action="/account/profile" class="form" novalidate>
  <?cs call:op("ProfileSave") ?>
  <?cs call:field("firstName", "text", Lang.SignUp.FirstName, "given-name", u.firstName) ?>
  <?cs call:field("lastName", "text", Lang.SignUp.LastName, "family-name", u.lastName) ?>
  <?cs call:field("phoneNumber", "tel", Lang.Profile.Phone, "tel", u.phoneNumber) ?>
  <div class="field">
    <label for="f-gender"><?cs var:Lang.Profile.Gender ?></label>
    <select id="f-gender" name="gender">
      <option value=""><?cs var:Lang.Profile.GenderUnset ?></option>
      <?cs each:g = Lang.Genders ?><option value="<?cs name:g ?>"<?cs if:u.gender == name(g) ?> selected<?cs /if ?>><?cs var:g ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:field("streetAddress", "text", Lang.Address.Street, "street-address", u.streetAddress) ?>
  <?cs call:field("city", "text", Lang.Address.City, "address-level2", u.city) ?>
  <?cs call:field("postalCode", "text", Lang.Address.PostalCode, "postal-code", u.postalCode) ?>
  <?cs call:field("country", "text", Lang.Address.Country, "country-name", u.country) ?>
  <?cs call:field("businessName", "text", Lang.Profile.Business, "organization", u.businessName) ?>
  <button type="submit"><?cs var:Lang.Form.Save ?></button>
</form>
<?cs /with ?>

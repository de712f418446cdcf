<h1><?cs var:Lang.Title.account_profile ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<?cs with:u = Data.viewMe ?>
<section aria-labelledby="picture-heading" class="picture">
  <h2 id="picture-heading" class="h3"><?cs var:Lang.Profile.Picture ?></h2>
  <?cs if:u.profilePicture.url ?><img src="<?cs var:u.profilePicture.url ?>" alt="<?cs var:Lang.Profile.PictureAlt ?>" width="96" height="96" class="avatar"><?cs else ?><p class="muted"><?cs var:Lang.Profile.NoPicture ?></p><?cs /if ?>
  <form method="post" action="/account/profile" class="form" enctype="multipart/form-data">
    <?cs call:op("ProfilePicture") ?>
    <div class="field">
      <label for="f-picture"><?cs var:Lang.Profile.ChoosePicture ?></label>
      <input id="f-picture" name="picture" type="file" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="picture-hint">
      <p class="muted small" id="picture-hint"><?cs var:Lang.Profile.PictureHint ?></p>
    </div>
    <button type="submit" class="secondary"><?cs var:Lang.Profile.Upload ?></button>
  </form>
</section>
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

<h1><?cs var:Lang.Title.account_addresses ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<?cs if:subcount(Data.myAddresses) > 0 ?>
<ul class="cards">
<?cs each:a = Data.myAddresses ?>
  <li class="card">
    <h2 class="h3"><?cs var:a.name ?> <?cs if:a.isDefault == "1" ?><span class="badge ok"><?cs var:Lang.Address.Default ?></span><?cs /if ?></h2>
    <p><?cs var:a.streetAddress ?><br><?cs var:a.postalCode ?> <?cs var:a.city ?><?cs if:a.state ?>, <?cs var:a.state ?><?cs /if ?><?cs if:a.country ?><br><?cs var:a.country ?><?cs /if ?><br><?cs var:a.phoneNumber ?></p>
    <p class="muted"><?cs var:Lang.AddressTypes[a.addressType] ?></p>
    <div class="actions">
      <a class="button secondary" href="/account/addresses?edit=<?cs var:a.id ?>#address-form"><?cs var:Lang.Form.Edit ?><span class="visually-hidden">: <?cs var:a.name ?></span></a>
    <?cs if:a.isDefault != "1" ?>
      <form method="post" action="/account/addresses" class="inline">
        <?cs call:op("AddressMakeDefault") ?>
        <input type="hidden" name="addressId" value="<?cs var:a.id ?>">
        <input type="hidden" name="isDefault" value="on">
        <button type="submit" class="secondary"><?cs var:Lang.Address.MakeDefault ?><span class="visually-hidden">: <?cs var:a.name ?></span></button>
      </form>
    <?cs /if ?>
      <form method="post" action="/account/addresses" class="inline" data-confirm="<?cs var:Lang.Form.ConfirmDelete ?>">
        <?cs call:op("AddressDelete") ?>
        <input type="hidden" name="addressId" value="<?cs var:a.id ?>">
        <button type="submit" class="danger"><?cs var:Lang.Form.Delete ?><span class="visually-hidden">: <?cs var:a.name ?></span></button>
      </form>
    </div>
  </li>
<?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Address.None ?></p>
<?cs /if ?>
<?cs set:edit = "" ?><?cs each:a = Data.myAddresses ?><?cs if:a.id == Query.edit || a.id == Form.addressId ?><?cs set:edit = name(a) ?><?cs /if ?><?cs /each ?>
<?cs if:edit != "" ?><?cs with:a = Data.myAddresses[edit] ?>
<h2 id="address-form"><?cs var:Lang.Address.Edit ?>: <?cs var:a.name ?></h2>
<form method="post" action="/account/addresses" class="form" novalidate>
  <?cs call:op("AddressUpdate") ?>
  <input type="hidden" name="addressId" value="<?cs var:a.id ?>">
  <?cs call:field("name", "text", Lang.Address.Label, "off", a.name) ?>
  <?cs call:field("phoneNumber", "tel", Lang.Profile.Phone, "tel", a.phoneNumber) ?>
  <?cs call:field("streetAddress", "text", Lang.Address.Street, "street-address", a.streetAddress) ?>
  <?cs call:field("postalCode", "text", Lang.Address.PostalCode, "postal-code", a.postalCode) ?>
  <?cs call:field("city", "text", Lang.Address.City, "address-level2", a.city) ?>
  <?cs call:field("state", "text", Lang.Address.State, "address-level1", a.state) ?>
  <?cs call:field("country", "text", Lang.Address.Country, "country-name", a.country) ?>
  <div class="field">
    <label for="f-addressType"><?cs var:Lang.Address.Type ?></label>
    <select id="f-addressType" name="addressType">
      <?cs each:t = Lang.AddressTypes ?><option value="<?cs name:t ?>"<?cs if:(Page.Op && Form.addressType == name(t)) || (!Page.Op && a.addressType == name(t)) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:field("instructions", "text", Lang.Address.Instructions, "off", a.instructions) ?>
  <div class="actions">
    <button type="submit"><?cs var:Lang.Address.Save ?></button>
    <a class="button secondary" href="/account/addresses"><?cs var:Lang.Form.Cancel ?></a>
  </div>
</form>
<?cs /with ?><?cs else ?>
<h2 id="address-form"><?cs var:Lang.Address.Add ?></h2>
<form method="post" action="/account/addresses" class="form" novalidate>
  <?cs call:op("AddressCreate") ?>
  <?cs call:field("name", "text", Lang.Address.Label, "off", "") ?>
  <?cs call:field("phoneNumber", "tel", Lang.Profile.Phone, "tel", "") ?>
  <?cs call:field("streetAddress", "text", Lang.Address.Street, "street-address", "") ?>
  <?cs call:field("postalCode", "text", Lang.Address.PostalCode, "postal-code", "") ?>
  <?cs call:field("city", "text", Lang.Address.City, "address-level2", "") ?>
  <?cs call:field("state", "text", Lang.Address.State, "address-level1", "") ?>
  <?cs call:field("country", "text", Lang.Address.Country, "country-name", "") ?>
  <div class="field">
    <label for="f-addressType"><?cs var:Lang.Address.Type ?></label>
    <select id="f-addressType" name="addressType">
      <?cs each:t = Lang.AddressTypes ?><option value="<?cs name:t ?>"<?cs if:Form.addressType == name(t) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:field("instructions", "text", Lang.Address.Instructions, "off", "") ?>
  <?cs call:checkbox("isDefault", Lang.Address.SetDefault, Form.isDefault) ?>
  <button type="submit"><?cs var:Lang.Address.Save ?></button>
</form>
<?cs /if ?>

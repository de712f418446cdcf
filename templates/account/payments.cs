<h1><?cs var:Lang.Title.account_payments ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<?cs if:subcount(Data.myPaymentMethods) > 0 ?>
<ul class="cards">
<?cs each:c = Data.myPaymentMethods ?>
  <li class="card">
    <h2 class="h3"><?cs var:c.cardBrand ?> •••• <?cs var:c.cardLastFour ?> <?cs if:c.isDefault == "1" ?><span class="badge ok"><?cs var:Lang.Address.Default ?></span><?cs /if ?></h2>
    <p><?cs var:c.cardHolderName ?><br><?cs var:Lang.Card.Expires ?> <?cs var:c.cardExpMonth ?>/<?cs var:c.cardExpYear ?></p>
    <div class="actions">
      <a class="button secondary" href="/account/payment-methods?edit=<?cs var:c.id ?>#card-form"><?cs var:Lang.Form.Edit ?><span class="visually-hidden">: <?cs var:c.cardLastFour ?></span></a>
    <?cs if:c.isDefault != "1" ?>
      <form method="post" action="/account/payment-methods" class="inline">
        <?cs call:op("CardMakeDefault") ?>
        <input type="hidden" name="paymentMethodId" value="<?cs var:c.id ?>">
        <input type="hidden" name="isDefault" value="on">
        <button type="submit" class="secondary"><?cs var:Lang.Address.MakeDefault ?><span class="visually-hidden">: <?cs var:c.cardLastFour ?></span></button>
      </form>
    <?cs /if ?>
      <form method="post" action="/account/payment-methods" class="inline" data-confirm="<?cs var:Lang.Form.ConfirmDelete ?>">
        <?cs call:op("CardDelete") ?>
        <input type="hidden" name="paymentMethodId" value="<?cs var:c.id ?>">
        <button type="submit" class="danger"><?cs var:Lang.Form.Delete ?><span class="visually-hidden">: <?cs var:c.cardLastFour ?></span></button>
      </form>
    </div>
  </li>
<?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Card.None ?></p>
<?cs /if ?>
<?cs set:edit = "" ?><?cs each:c = Data.myPaymentMethods ?><?cs if:c.id == Query.edit || c.id == Form.paymentMethodId ?><?cs set:edit = name(c) ?><?cs /if ?><?cs /each ?>
<?cs if:edit != "" ?><?cs with:c = Data.myPaymentMethods[edit] ?>
<h2 id="card-form"><?cs var:Lang.Card.Edit ?>: <?cs var:c.cardBrand ?> •••• <?cs var:c.cardLastFour ?></h2>
<p><?cs var:Lang.Card.EditIntro ?></p>
<form method="post" action="/account/payment-methods" class="form" novalidate>
  <?cs call:op("CardUpdate") ?>
  <input type="hidden" name="paymentMethodId" value="<?cs var:c.id ?>">
  <?cs call:field("cardHolderName", "text", Lang.Card.Holder, "cc-name", c.cardHolderName) ?>
  <?cs call:field("expiryMonth", "text", Lang.Card.Month, "cc-exp-month", c.cardExpMonth) ?>
  <?cs call:field("expiryYear", "text", Lang.Card.Year, "cc-exp-year", c.cardExpYear) ?>
  <div class="actions">
    <button type="submit"><?cs var:Lang.Card.Save ?></button>
    <a class="button secondary" href="/account/payment-methods"><?cs var:Lang.Form.Cancel ?></a>
  </div>
</form>
<?cs /with ?><?cs else ?>
<h2 id="card-form"><?cs var:Lang.Card.Add ?></h2>
<form method="post" action="/account/payment-methods" class="form" novalidate>
  <?cs call:op("CardAdd") ?>
  <input type="hidden" name="paymentType" value="card">
  <?cs call:field("cardHolderName", "text", Lang.Card.Holder, "cc-name", "") ?>
  <?cs call:field("cardNumber", "text", Lang.Card.Number, "cc-number", "") ?>
  <?cs call:field("expiryMonth", "text", Lang.Card.Month, "cc-exp-month", "") ?>
  <?cs call:field("expiryYear", "text", Lang.Card.Year, "cc-exp-year", "") ?>
  <?cs call:field("cvv", "password", Lang.Card.Cvv, "cc-csc", "") ?>
  <?cs call:checkbox("isDefault", Lang.Address.SetDefault, Form.isDefault) ?>
  <button type="submit"><?cs var:Lang.Card.Save ?></button>
</form>
<?cs /if ?>

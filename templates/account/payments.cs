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
<h2><?cs var:Lang.Card.Add ?></h2>
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

<h1><?cs var:Lang.Title.cart_index ?></h1>
<?cs call:errors() ?>
<?cs with:c = Data.myCart ?>
<?cs if:subcount(c.mergeNotices) > 0 ?>
<div class="notice" role="status">
  <p><?cs var:Lang.Cart.MergeNotices ?></p>
  <ul><?cs each:n = c.mergeNotices ?><li><?cs var:n ?></li><?cs /each ?></ul>
</div>
<?cs /if ?>
<?cs if:subcount(c.vendors) == 0 ?>
<p><?cs var:Lang.Cart.Empty ?> <a href="/products"><?cs var:Lang.Home.AllProducts ?></a></p>
<?cs else ?>
<?cs each:g = c.vendors ?>
<section class="cart-group" aria-labelledby="vendor-<?cs var:name(g) ?>">
  <h2 id="vendor-<?cs var:name(g) ?>" class="h3"><?cs if:g.vendor.id ?><a href="/shops/<?cs var:g.vendor.id ?>"><?cs var:g.vendor.businessName ?></a><?cs else ?><?cs var:Lang.Cart.ClosedShop ?><?cs /if ?></h2>
  <div class="table-wrap">
  <table>
    <caption class="visually-hidden"><?cs var:Lang.Cart.LinesOf ?> <?cs var:g.vendor.businessName ?></caption>
    <thead><tr><th scope="col"><?cs var:Lang.Cart.Product ?></th><th scope="col"><?cs var:Lang.Cart.Quantity ?></th><th scope="col" class="num"><?cs var:Lang.Catalog.TierPrice ?></th><th scope="col" class="num"><?cs var:Lang.Cart.LineTotal ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.Sessions.Actions ?></span></th></tr></thead>
    <tbody>
    <?cs each:i = g.items ?>
      <tr>
        <td><a href="/products/<?cs var:i.product.id ?>"><?cs var:i.product.name ?></a>
          <?cs if:i.priceReason ?><br><span class="muted small"><?cs var:i.priceReason ?></span><?cs /if ?>
          <?cs if:i.problem ?><br><span class="error small"><?cs var:i.problem ?></span><?cs /if ?></td>
        <td>
          <form method="post" action="/cart" class="inline qty">
            <?cs call:op("CartUpdate") ?>
            <input type="hidden" name="cartItemId" value="<?cs var:i.id ?>">
            <label for="q-<?cs var:i.id ?>" class="visually-hidden"><?cs var:Lang.Cart.Quantity ?>: <?cs var:i.product.name ?></label>
            <input id="q-<?cs var:i.id ?>" name="quantity" type="number" min="0" step="<?cs var:i.product.casePack ?>" value="<?cs var:i.quantity ?>" inputmode="numeric">
            <button type="submit" class="secondary"><?cs var:Lang.Cart.Update ?><span class="visually-hidden">: <?cs var:i.product.name ?></span></button>
          </form>
        </td>
        <td class="num"><?cs var:i.unitPrice.Money ?></td>
        <td class="num"><?cs var:i.totalPrice.Money ?></td>
        <td>
          <form method="post" action="/cart" class="inline">
            <?cs call:op("CartRemove") ?>
            <input type="hidden" name="cartItemId" value="<?cs var:i.id ?>">
            <button type="submit" class="link"><?cs var:Lang.Cart.Remove ?><span class="visually-hidden">: <?cs var:i.product.name ?></span></button>
          </form>
        </td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <p class="subtotal"><?cs var:Lang.Cart.Subtotal ?>: <strong><?cs var:g.subtotal.Money ?></strong>
  <?cs if:g.meetsMinimumOrder != "1" ?><br><span class="error" role="note"><?cs if:g.message ?><?cs var:g.message ?><?cs else ?><?cs var:Lang.Cart.BelowMinimum ?> <?cs var:g.minimumOrderValue.Money ?><?cs /if ?></span><?cs /if ?></p>
</section>
<?cs /each ?>
<p class="total"><?cs var:Lang.Cart.Total ?> (<?cs var:c.totalItems ?> <?cs var:Lang.Catalog.Units ?>): <strong><?cs var:c.totalAmount.Money ?></strong></p>
<?cs if:c.canCheckout != "1" ?><p class="muted"><?cs var:Lang.Cart.CannotCheckout ?></p><?cs /if ?>
<?cs if:Viewer.SignedIn != "1" ?><p class="note"><?cs var:Lang.Cart.SignInToCheckout ?> <a href="/sign-in?next=/cart"><?cs var:Lang.Cart.SignIn ?></a></p><?cs /if ?>
<form method="post" action="/cart" class="inline" data-confirm="<?cs var:Lang.Cart.ConfirmClear ?>">
  <?cs call:op("CartClear") ?>
  <button type="submit" class="danger"><?cs var:Lang.Cart.Clear ?></button>
</form>
<?cs /if ?>
<?cs /with ?>

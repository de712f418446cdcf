<?cs with:i = Data.inventoryItem ?>
<nav aria-label="<?cs var:Lang.Catalog.Breadcrumb ?>" class="breadcrumb"><a href="/sell"><?cs var:Lang.Title.sell_index ?></a> › <?cs var:i.name ?></nav>
<h1><?cs var:i.name ?></h1>
<?cs call:errors() ?>
<p><?cs var:Lang.Catalog.Stock ?>: <strong><?cs var:i.stockQuantity ?></strong> <?cs var:Lang.Catalog.Units ?><?cs if:i.isLowStock == "1" ?> <span class="badge warn"><?cs var:Lang.Sell.Low ?></span><?cs /if ?> · <?cs var:Lang.Sell.Statuses[i.status] ?> · <a href="/products/<?cs var:i.id ?>"><?cs var:Lang.Sell.ViewShop ?></a></p>
<h2><?cs var:Lang.Sell.VariantsHeading ?></h2>
<div class="table-wrap">
<table>
  <caption class="visually-hidden"><?cs var:Lang.Sell.VariantsHeading ?></caption>
  <thead><tr><th scope="col">SKU</th><th scope="col"><?cs var:Lang.Sell.Where ?></th><th scope="col" class="num"><?cs var:Lang.Catalog.Stock ?></th><th scope="col"><?cs var:Lang.Sell.Move ?></th></tr></thead>
  <tbody>
  <?cs each:v = i.variants ?>
    <tr>
      <td><?cs var:v.sku ?><?cs if:v.size ?> · <?cs var:v.size ?><?cs /if ?><?cs if:v.color ?> · <?cs var:v.color ?><?cs /if ?></td>
      <td><?cs each:l = v.levels ?><?cs if:name(l) != "0" ?>, <?cs /if ?><?cs var:l.locationName ?>: <?cs var:l.quantity ?><?cs /each ?></td>
      <td class="num"><?cs var:v.stockQuantity ?></td>
      <td>
        <form method="post" action="/sell/items/<?cs var:i.id ?>" class="inline move">
          <?cs call:op("StockAdjust") ?>
          <input type="hidden" name="variantId" value="<?cs var:v.id ?>">
          <label for="c-<?cs var:v.id ?>" class="visually-hidden"><?cs var:Lang.Sell.Change ?>: <?cs var:v.sku ?></label>
          <input id="c-<?cs var:v.id ?>" name="change" type="number" step="1" required placeholder="+12" inputmode="numeric">
          <label for="r-<?cs var:v.id ?>" class="visually-hidden"><?cs var:Lang.Sell.Reason ?>: <?cs var:v.sku ?></label>
          <select id="r-<?cs var:v.id ?>" name="reason"><?cs each:r = Lang.Sell.Reasons ?><option value="<?cs name:r ?>"><?cs var:r ?></option><?cs /each ?></select>
          <label for="n-<?cs var:v.id ?>" class="visually-hidden"><?cs var:Lang.Sell.Note ?>: <?cs var:v.sku ?></label>
          <input id="n-<?cs var:v.id ?>" name="note" type="text" placeholder="<?cs var:Lang.Sell.Note ?>">
          <button type="submit" class="secondary"><?cs var:Lang.Sell.Record ?><span class="visually-hidden">: <?cs var:v.sku ?></span></button>
        </form>
      </td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<h2 id="transfer"><?cs var:Lang.Products.TransferHeading ?></h2>
<?cs set:Page.Moving = Page.Op == "StockTransfer" ?>
<form method="post" action="/sell/items/<?cs var:i.id ?>" class="form" novalidate>
  <?cs call:op("StockTransfer") ?>
  <div class="field<?cs if:Field.variantId.Error ?> has-error<?cs /if ?>">
    <label for="f-variantId"><?cs var:Lang.Products.Variant ?></label>
    <select id="f-variantId" name="variantId">
      <?cs each:v = i.variants ?><option value="<?cs var:v.id ?>"<?cs if:Page.Moving && v.id == Form.variantId ?> selected<?cs /if ?>><?cs var:v.sku ?><?cs if:v.size ?> · <?cs var:v.size ?><?cs /if ?><?cs if:v.color ?> · <?cs var:v.color ?><?cs /if ?></option><?cs /each ?>
    </select>
  </div>
  <div class="field<?cs if:Field.fromLocationId.Error ?> has-error<?cs /if ?>">
    <label for="f-fromLocationId"><?cs var:Lang.Products.From ?></label>
    <select id="f-fromLocationId" name="fromLocationId">
      <?cs each:l = Data.inventoryLocations ?><option value="<?cs var:l.id ?>"<?cs if:(Page.Moving && l.id == Form.fromLocationId) || (!Page.Moving && l.isDefault == "1") ?> selected<?cs /if ?>><?cs var:l.name ?></option><?cs /each ?>
    </select>
  </div>
  <div class="field<?cs if:Field.toLocationId.Error ?> has-error<?cs /if ?>">
    <label for="f-toLocationId"><?cs var:Lang.Products.To ?></label>
    <select id="f-toLocationId" name="toLocationId">
      <?cs each:l = Data.inventoryLocations ?><option value="<?cs var:l.id ?>"<?cs if:(Page.Moving && l.id == Form.toLocationId) || (!Page.Moving && l.isDefault != "1" && name(l) == "1") ?> selected<?cs /if ?>><?cs var:l.name ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:field("quantity", "number", Lang.Products.Quantity, "off", "") ?>
  <?cs call:field("note", "text", Lang.Sell.Note, "off", "") ?>
  <button type="submit" class="secondary"><?cs var:Lang.Products.Transfer ?></button>
</form>
<h2 id="locations"><?cs var:Lang.Products.LocationsHeading ?></h2>
<ul>
  <?cs each:l = Data.inventoryLocations ?><li><?cs var:l.name ?><?cs if:l.isDefault == "1" ?> (<?cs var:Lang.Products.Default ?>)<?cs /if ?></li><?cs /each ?>
</ul>
<form method="post" action="/sell/items/<?cs var:i.id ?>" class="form" novalidate>
  <?cs call:op("LocationCreate") ?>
  <?cs call:field("locationName", "text", Lang.Products.LocationName, "off", "") ?>
  <button type="submit" class="secondary"><?cs var:Lang.Products.AddLocation ?></button>
</form>
<h2><?cs var:Lang.Sell.LedgerHeading ?></h2>
<div class="table-wrap">
<table>
  <caption class="visually-hidden"><?cs var:Lang.Sell.LedgerHeading ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Sell.When ?></th><th scope="col">SKU</th><th scope="col"><?cs var:Lang.Sell.Where ?></th><th scope="col" class="num"><?cs var:Lang.Sell.Change ?></th><th scope="col" class="num"><?cs var:Lang.Sell.After ?></th><th scope="col"><?cs var:Lang.Sell.Reason ?></th><th scope="col"><?cs var:Lang.Sell.Who ?></th></tr></thead>
  <tbody>
  <?cs each:e = Data.inventoryLedger.edges ?><?cs with:n = e.node ?>
    <tr><td><?cs var:n.createdAt.Local ?></td><td><?cs var:n.sku ?></td><td><?cs var:n.locationName ?></td><td class="num"><?cs if:n.change > 0 ?>+<?cs /if ?><?cs var:n.change ?></td><td class="num"><?cs var:n.quantityAfter ?></td><td><?cs var:Lang.Sell.AllReasons[n.reason] ?><?cs if:n.note ?> · <?cs var:n.note ?><?cs /if ?></td><td><?cs if:n.actorName ?><?cs var:n.actorName ?><?cs else ?><?cs var:Lang.Sell.System ?><?cs /if ?></td></tr>
  <?cs /with ?><?cs /each ?>
  </tbody>
</table>
</div>
<?cs /with ?>

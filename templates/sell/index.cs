<h1><?cs var:Lang.Title.sell_index ?></h1>
<?cs call:errors() ?>
<?cs if:QueryErrors.0.extensions.code == "FORBIDDEN" ?>
<p><?cs var:Lang.Sell.Intro ?></p>
<form method="post" action="/sell" class="form">
  <?cs call:op("StartSelling") ?>
  <input type="hidden" name="accountType" value="VENDOR">
  <button type="submit"><?cs var:Lang.Sell.Start ?></button>
</form>
<?cs else ?>
<?cs if:Data.vendorOnboarding.complete != "1" ?>
<section aria-labelledby="sell-steps" class="card">
  <h2 id="sell-steps" class="h3"><?cs var:Lang.Sell.StepsHeading ?></h2>
  <ul class="steps">
  <?cs each:s = Data.vendorOnboarding.steps ?><li class="<?cs if:s.done == "1" ?>done<?cs else ?>todo<?cs /if ?>"><?cs if:s.done == "1" ?><span class="badge ok"><?cs var:Lang.Sell.Done ?></span><?cs else ?><span class="badge warn"><?cs var:Lang.Sell.Todo ?></span><?cs /if ?> <?cs var:Lang.Sell.Steps[s.key] ?></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<section aria-labelledby="sell-shop">
  <h2 id="sell-shop"><?cs var:Lang.Sell.ShopHeading ?><?cs if:Data.myShop.id ?> · <a href="/shops/<?cs var:Data.myShop.id ?>"><?cs var:Lang.Sell.ViewShop ?></a><?cs /if ?></h2>
  <?cs with:v = Data.myShop ?>
  <form method="post" action="/sell" class="form" novalidate>
    <?cs call:op("ShopSave") ?>
    <?cs call:field("shopName", "text", Lang.Sell.ShopName, "organization", v.businessName) ?>
    <div class="field<?cs if:Field.shopDescription.Error ?> has-error<?cs /if ?>">
      <label for="f-shopDescription"><?cs var:Lang.Sell.Description ?></label>
      <textarea id="f-shopDescription" name="shopDescription" rows="4"><?cs if:Page.Op ?><?cs var:Form.shopDescription ?><?cs else ?><?cs var:v.description ?><?cs /if ?></textarea>
    </div>
    <?cs call:field("shopContactEmail", "email", Lang.Form.Email, "email", v.email) ?>
    <?cs call:field("shopContactPhone", "tel", Lang.Profile.Phone, "tel", v.phone) ?>
    <?cs call:field("shopAddress", "text", Lang.Address.Street, "street-address", v.address.street) ?>
    <?cs call:field("shopPostalCode", "text", Lang.Address.PostalCode, "postal-code", v.address.zip_code) ?>
    <?cs call:field("shopCity", "text", Lang.Address.City, "address-level2", v.address.city) ?>
    <?cs call:field("shopCountry", "text", Lang.Address.Country, "country-name", v.address.country) ?>
    <button type="submit"><?cs var:Lang.Form.Save ?></button>
  </form>
  <?cs /with ?>
</section>
<section aria-labelledby="sell-stock">
  <h2 id="sell-stock"><?cs var:Lang.Sell.StockHeading ?></h2>
  <p><a class="button" href="/sell/products/new"><?cs var:Lang.Products.New ?></a></p>
  <form method="get" action="/sell" class="filters" role="search">
    <div class="field grow">
      <label for="f-search"><?cs var:Lang.Sell.Search ?></label>
      <input id="f-search" name="search" type="search" value="<?cs var:Query.search ?>">
    </div>
    <div class="field">
      <label for="f-filter"><?cs var:Lang.Sell.Filter ?></label>
      <select id="f-filter" name="filter">
        <?cs each:f = Lang.Sell.Filters ?><option value="<?cs name:f ?>"<?cs if:name(f) == Query.filter ?> selected<?cs /if ?>><?cs var:f ?></option><?cs /each ?>
      </select>
    </div>
    <div class="field"><button type="submit"><?cs var:Lang.Catalog.Search ?></button></div>
  </form>
  <?cs if:subcount(Data.inventoryItems.edges) == 0 ?>
  <p><?cs var:Lang.Sell.NoItems ?></p>
  <?cs else ?>
  <div class="table-wrap">
  <table>
    <caption class="visually-hidden"><?cs var:Lang.Sell.StockHeading ?></caption>
    <thead><tr><th scope="col"><?cs var:Lang.Cart.Product ?></th><th scope="col"><?cs var:Lang.Catalog.Category ?></th><th scope="col" class="num"><?cs var:Lang.Catalog.TierPrice ?></th><th scope="col" class="num"><?cs var:Lang.Catalog.Stock ?></th><th scope="col" class="num"><?cs var:Lang.Sell.Views ?></th><th scope="col" class="num"><?cs var:Lang.Sell.Sold ?></th><th scope="col"><?cs var:Lang.Sell.Status ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.Sessions.Actions ?></span></th></tr></thead>
    <tbody>
    <?cs each:e = Data.inventoryItems.edges ?><?cs with:i = e.node ?>
      <tr>
        <td><a href="/sell/items/<?cs var:i.id ?>"><?cs var:i.name ?></a></td>
        <td><?cs var:i.category ?></td>
        <td class="num"><?cs var:i.price.Money ?></td>
        <td class="num"><?cs var:i.stockQuantity ?><?cs if:i.isLowStock == "1" ?> <span class="badge warn"><?cs var:Lang.Sell.Low ?></span><?cs /if ?></td>
        <td class="num"><?cs var:i.views ?></td>
        <td class="num"><?cs var:i.sales ?></td>
        <td><?cs var:Lang.Sell.Statuses[i.status] ?></td>
        <td><?cs if:i.status != "archived" ?>
          <form method="post" action="/sell" class="inline">
            <?cs call:op("ItemActive") ?>
            <input type="hidden" name="itemId" value="<?cs var:i.id ?>">
            <?cs if:i.isActive == "1" ?><button type="submit" class="link"><?cs var:Lang.Sell.Pause ?><span class="visually-hidden">: <?cs var:i.name ?></span></button>
            <?cs else ?><input type="hidden" name="isActive" value="on"><button type="submit" class="link"><?cs var:Lang.Sell.Activate ?><span class="visually-hidden">: <?cs var:i.name ?></span></button><?cs /if ?>
          </form>
          · <a href="/sell/products/<?cs var:i.id ?>"><?cs var:Lang.Form.Edit ?><span class="visually-hidden">: <?cs var:i.name ?></span></a>
          · <form method="post" action="/sell" class="inline" data-confirm="<?cs var:Lang.Products.ConfirmArchive ?>">
            <?cs call:op("ProductArchive") ?>
            <input type="hidden" name="productId" value="<?cs var:i.id ?>">
            <button type="submit" class="link"><?cs var:Lang.Products.Archive ?><span class="visually-hidden">: <?cs var:i.name ?></span></button>
          </form>
        <?cs /if ?></td>
      </tr>
    <?cs /with ?><?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Data.inventoryItems.pageInfo.hasNextPage == "1" ?><p><a class="button secondary" rel="next" href="/sell?search=<?cs var:url_escape(Query.search) ?>&amp;filter=<?cs var:url_escape(Query.filter) ?>&amp;after=<?cs var:url_escape(Data.inventoryItems.pageInfo.endCursor) ?>"><?cs var:Lang.Catalog.NextPage ?></a></p><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>

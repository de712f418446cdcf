<?cs with:p = Data.product ?>
<nav aria-label="<?cs var:Lang.Catalog.Breadcrumb ?>" class="breadcrumb"><a href="/products"><?cs var:Lang.Title.catalog_index ?></a> › <a href="/products?category=<?cs var:url_escape(p.category.id) ?>"><?cs var:p.category.name ?></a></nav>
<article class="product">
  <div class="gallery">
  <?cs each:i = p.imagesUrl.Items ?><img src="<?cs var:i.url ?>" alt="<?cs var:p.name ?>" width="480" height="480"<?cs if:name(i) != "0" ?> loading="lazy"<?cs /if ?>><?cs /each ?>
  </div>
  <div class="details">
    <h1><?cs var:p.name ?></h1>
    <p class="price big"><?cs if:p.discountPrice ?><span class="sale"><?cs var:p.discountPrice.Money ?></span> <del><span class="visually-hidden"><?cs var:Lang.Catalog.WasPrice ?> </span><?cs var:p.price.Money ?></del><?cs else ?><?cs var:p.price.Money ?><?cs /if ?> <span class="muted"><?cs var:Lang.Catalog.PerUnit ?></span></p>
    <form method="post" action="/cart" class="add-to-cart">
      <?cs call:op("CartAdd") ?>
      <input type="hidden" name="productId" value="<?cs var:p.id ?>">
      <label for="f-quantity"><?cs var:Lang.Cart.Quantity ?></label>
      <input id="f-quantity" name="quantity" type="number" min="<?cs var:p.minOrderQuantity ?>" step="<?cs var:p.casePack ?>" value="<?cs var:p.minOrderQuantity ?>" inputmode="numeric" aria-describedby="qty-hint">
      <p class="muted small" id="qty-hint"><?cs var:Lang.Cart.QuantityHint ?> <?cs var:p.minOrderQuantity ?>, <?cs var:Lang.Catalog.CasePack ?> <?cs var:p.casePack ?></p>
      <button type="submit"><?cs var:Lang.Cart.Add ?></button>
    </form>
    <form method="post" action="/wishlist" class="inline">
      <?cs call:op("WishlistAdd") ?>
      <input type="hidden" name="productId" value="<?cs var:p.id ?>">
      <button type="submit" class="secondary"><?cs var:Lang.Wishlist.Save ?></button>
    </form>
    <dl class="facts">
      <dt><?cs var:Lang.Catalog.Seller ?></dt><dd><a href="/shops/<?cs var:p.vendor.id ?>"><?cs var:p.vendor.businessName ?></a><?cs if:p.vendor.isVerified == "1" ?> <span class="badge ok"><?cs var:Lang.Catalog.Verified ?></span><?cs /if ?></dd>
      <dt><?cs var:Lang.Catalog.MinOrder ?></dt><dd><?cs var:p.minOrderQuantity ?> <?cs var:Lang.Catalog.Units ?></dd>
      <dt><?cs var:Lang.Catalog.CasePack ?></dt><dd><?cs var:p.casePack ?> <?cs var:Lang.Catalog.Units ?></dd>
      <?cs if:p.vendor.minOrderValue > 0 ?><dt><?cs var:Lang.Catalog.ShopMinimum ?></dt><dd><?cs var:p.vendor.minOrderValue.Money ?></dd><?cs /if ?>
      <dt><?cs var:Lang.Catalog.Stock ?></dt><dd><?cs if:p.stockQuantity > 0 ?><?cs var:p.stockQuantity ?> <?cs var:Lang.Catalog.Units ?><?cs else ?><span class="error"><?cs var:Lang.Catalog.OutOfStock ?></span><?cs /if ?></dd>
      <?cs if:p.brand.name || p.customBrand ?><dt><?cs var:Lang.Catalog.Brand ?></dt><dd><?cs if:p.brand.name ?><?cs var:p.brand.name ?><?cs else ?><?cs var:p.customBrand ?><?cs /if ?></dd><?cs /if ?>
      <?cs if:p.condition ?><dt><?cs var:Lang.Catalog.Condition ?></dt><dd><?cs var:Lang.Catalog.Conditions[p.condition] ?></dd><?cs /if ?>
      <?cs if:subcount(p.color) > 0 ?><dt><?cs var:Lang.Catalog.Colours ?></dt><dd><?cs each:c = p.color ?><?cs if:name(c) != "0" ?>, <?cs /if ?><?cs var:c ?><?cs /each ?></dd><?cs /if ?>
      <?cs if:subcount(p.materials) > 0 ?><dt><?cs var:Lang.Catalog.Materials ?></dt><dd><?cs each:m = p.materials ?><?cs if:name(m) != "0" ?>, <?cs /if ?><?cs var:m.name ?><?cs /each ?></dd><?cs /if ?>
      <?cs if:p.reviewCount > 0 ?><dt><?cs var:Lang.Catalog.Rating ?></dt><dd><?cs var:p.rating ?> / 5 (<?cs var:p.reviewCount ?>)</dd><?cs /if ?>
    </dl>
    <?cs if:subcount(p.priceTiers) > 0 || subcount(p.accountPrices) > 0 ?>
    <div class="table-wrap">
    <table class="tiers">
      <caption><?cs var:Lang.Catalog.TierHeading ?></caption>
      <thead><tr><th scope="col"><?cs var:Lang.Catalog.TierQuantity ?></th><th scope="col" class="num"><?cs var:Lang.Catalog.TierPrice ?></th></tr></thead>
      <tbody>
        <tr><td><?cs var:p.minOrderQuantity ?>+</td><td class="num"><?cs if:p.discountPrice ?><?cs var:p.discountPrice.Money ?><?cs else ?><?cs var:p.price.Money ?><?cs /if ?></td></tr>
        <?cs each:t = p.priceTiers ?><tr><td><?cs var:t.minQuantity ?>+</td><td class="num"><?cs var:t.unitPrice.Money ?></td></tr><?cs /each ?>
        <?cs each:a = p.accountPrices ?><tr><td><?cs var:Lang.Catalog.AccountTypes[a.accountType] ?></td><td class="num"><?cs var:a.unitPrice.Money ?></td></tr><?cs /each ?>
      </tbody>
    </table>
    </div>
    <?cs /if ?>
    <div class="description"><p><?cs var:p.description ?></p></div>
  </div>
</article>
<?cs /with ?>

<?cs # One product in a grid (p: a CatalogProduct node). ?>
<li class="product-card">
  <a href="/products/<?cs var:p.id ?>" class="product-link">
    <?cs if:p.imagesUrl.Items.0.url ?><img src="<?cs if:p.imagesUrl.Items.0.thumbnail ?><?cs var:p.imagesUrl.Items.0.thumbnail ?><?cs else ?><?cs var:p.imagesUrl.Items.0.url ?><?cs /if ?>" alt="" width="240" height="240" loading="lazy"><?cs /if ?>
    <span class="product-name"><?cs var:p.name ?></span>
  </a>
  <p class="price"><?cs if:p.discountPrice ?><span class="sale"><?cs var:p.discountPrice.Money ?></span> <del><span class="visually-hidden"><?cs var:Lang.Catalog.WasPrice ?> </span><?cs var:p.price.Money ?></del><?cs else ?><?cs var:p.price.Money ?><?cs /if ?> <span class="muted"><?cs var:Lang.Catalog.PerUnit ?></span></p>
  <p class="muted small"><?cs if:p.vendor.id ?><a href="/shops/<?cs var:p.vendor.id ?>"><?cs var:p.vendor.businessName ?></a><?cs /if ?><?cs if:p.minOrderQuantity > 1 ?> · <?cs var:Lang.Catalog.MinOrder ?> <?cs var:p.minOrderQuantity ?><?cs /if ?></p>
</li>

<?cs include:"sell/_product_form.cs" ?>
<?cs with:p = Data.vendorProduct ?>
<nav aria-label="<?cs var:Lang.Catalog.Breadcrumb ?>" class="breadcrumb"><a href="/sell"><?cs var:Lang.Title.sell_index ?></a> › <?cs var:p.name ?></nav>
<h1><?cs var:p.name ?></h1>
<?cs call:errors() ?>
<p><?cs var:Lang.Products.StatusNow ?>: <strong><?cs var:Lang.Products.Statuses[p.status] ?></strong> · <a href="/sell/items/<?cs var:p.id ?>"><?cs var:Lang.Products.StockLink ?></a><?cs if:p.isActive == "1" ?> · <a href="/products/<?cs var:p.id ?>"><?cs var:Lang.Products.PublicLink ?></a><?cs /if ?></p>
<form method="post" action="/sell/products/<?cs var:p.id ?>" class="form" enctype="multipart/form-data" data-upload novalidate>
  <?cs call:op("ProductSave") ?>
  <?cs call:field("name", "text", Lang.Products.Name, "off", p.name) ?>
  <div class="field<?cs if:Field.description.Error ?> has-error<?cs /if ?>">
    <label for="f-description"><?cs var:Lang.Products.Description ?></label>
    <textarea id="f-description" name="description" rows="5"<?cs if:Field.description.Error ?> aria-invalid="true" aria-describedby="e-description"<?cs /if ?>><?cs if:Page.Op ?><?cs var:Form.description ?><?cs else ?><?cs var:p.description ?><?cs /if ?></textarea>
    <?cs if:Field.description.Error ?><p class="error" id="e-description"><?cs var:Field.description.Error ?></p><?cs /if ?>
  </div>
  <?cs if:Page.Op ?><?cs call:category_select("category", Form.category) ?><?cs else ?><?cs call:category_select("category", p.category.id) ?><?cs /if ?>
  <?cs call:field("customBrand", "text", Lang.Products.Brand, "off", p.customBrand) ?>
  <?cs if:p.brand.name && !p.customBrand ?><p class="hint"><?cs var:Lang.Products.ListedBrand ?>: <?cs var:p.brand.name ?></p><?cs /if ?>
  <?cs if:Page.Op ?><?cs call:condition_select(Form.condition) ?><?cs else ?><?cs call:condition_select(p.condition) ?><?cs /if ?>
  <div class="field">
    <label for="f-isActive"><?cs var:Lang.Products.Status ?></label>
    <select id="f-isActive" name="isActive">
      <option value="on"<?cs if:(Page.Op && Form.isActive == "on") || (!Page.Op && p.isActive == "1") ?> selected<?cs /if ?>><?cs var:Lang.Products.Statuses.ACTIVE ?></option>
      <option value="off"<?cs if:(Page.Op && Form.isActive != "on") || (!Page.Op && p.isActive != "1") ?> selected<?cs /if ?>><?cs var:Lang.Products.Statuses.DRAFT ?></option>
    </select>
  </div>
  <fieldset>
    <legend><?cs var:Lang.Products.Pricing ?></legend>
    <?cs call:field("price", "text", Lang.Products.Price, "off", p.price.Input) ?>
    <?cs call:field("discountPrice", "text", Lang.Products.DiscountPrice, "off", p.discountPrice.Input) ?>
    <?cs call:field("minOrderQuantity", "number", Lang.Products.Moq, "off", p.minOrderQuantity) ?>
    <?cs call:field("casePack", "number", Lang.Products.CasePack, "off", p.casePack) ?>
  </fieldset>
  <fieldset class="rows<?cs if:Field.priceTiers.Error ?> has-error<?cs /if ?>"<?cs if:Field.priceTiers.Error ?> aria-describedby="e-priceTiers"<?cs /if ?>>
    <legend><?cs var:Lang.Products.Tiers ?></legend>
    <p class="hint"><?cs var:Lang.Products.TiersHint ?></p>
    <?cs if:Field.priceTiers.Error ?><p class="error" id="e-priceTiers"><?cs var:Field.priceTiers.Error ?></p><?cs /if ?>
    <?cs loop:i = 0, 5, 1 ?>
    <div class="row">
      <div class="field">
        <label for="f-tq-<?cs var:i ?>"><?cs var:Lang.Products.TierFrom ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-tq-<?cs var:i ?>" name="priceTiers.<?cs var:i ?>.minQuantity" type="number" min="2" inputmode="numeric" value="<?cs if:Page.Op ?><?cs var:Form.priceTiers[i].minQuantity ?><?cs else ?><?cs var:p.priceTiers[i].minQuantity ?><?cs /if ?>">
      </div>
      <div class="field">
        <label for="f-tp-<?cs var:i ?>"><?cs var:Lang.Products.TierPrice ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-tp-<?cs var:i ?>" name="priceTiers.<?cs var:i ?>.unitPrice" type="text" inputmode="decimal" value="<?cs if:Page.Op ?><?cs var:Form.priceTiers[i].unitPrice ?><?cs else ?><?cs var:p.priceTiers[i].unitPrice.Input ?><?cs /if ?>">
      </div>
    </div>
    <?cs /loop ?>
  </fieldset>
  <fieldset class="rows<?cs if:Field.accountPrices.Error ?> has-error<?cs /if ?>"<?cs if:Field.accountPrices.Error ?> aria-describedby="e-accountPrices"<?cs /if ?>>
    <legend><?cs var:Lang.Products.AccountPrices ?></legend>
    <?cs if:Field.accountPrices.Error ?><p class="error" id="e-accountPrices"><?cs var:Field.accountPrices.Error ?></p><?cs /if ?>
    <?cs loop:i = 0, 2, 1 ?>
    <?cs if:Page.Op ?><?cs set:Page.RowType = Form.accountPrices[i].accountType ?><?cs set:Page.RowPrice = Form.accountPrices[i].unitPrice ?><?cs else ?><?cs set:Page.RowType = p.accountPrices[i].accountType ?><?cs set:Page.RowPrice = p.accountPrices[i].unitPrice.Input ?><?cs /if ?>
    <div class="row">
      <div class="field">
        <label for="f-at-<?cs var:i ?>"><?cs var:Lang.Products.AccountType ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <select id="f-at-<?cs var:i ?>" name="accountPrices.<?cs var:i ?>.accountType">
          <option value=""><?cs var:Lang.Products.NoAccountType ?></option>
          <?cs each:t = Lang.Products.AccountTypes ?><option value="<?cs name:t ?>"<?cs if:name(t) == Page.RowType ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?>
        </select>
      </div>
      <div class="field">
        <label for="f-ap-<?cs var:i ?>"><?cs var:Lang.Products.TierPrice ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-ap-<?cs var:i ?>" name="accountPrices.<?cs var:i ?>.unitPrice" type="text" inputmode="decimal" value="<?cs var:Page.RowPrice ?>">
      </div>
    </div>
    <?cs /loop ?>
  </fieldset>
  <fieldset class="rows<?cs if:Field.variants.Error ?> has-error<?cs /if ?>"<?cs if:Field.variants.Error ?> aria-describedby="e-variants"<?cs /if ?>>
    <legend><?cs var:Lang.Products.Variants ?></legend>
    <p class="hint"><?cs var:Lang.Products.VariantsHint ?></p>
    <?cs if:Field.variants.Error ?><p class="error" id="e-variants"><?cs var:Field.variants.Error ?></p><?cs /if ?>
    <?cs loop:i = 0, subcount(Data.inventoryItem.variants) + 1, 1 ?>
    <?cs if:Page.Op ?><?cs set:Page.VSku = Form.variants[i].sku ?><?cs set:Page.VSize = Form.variants[i].size ?><?cs set:Page.VColor = Form.variants[i].color ?><?cs set:Page.VPrice = Form.variants[i].price ?><?cs set:Page.VStock = Form.variants[i].stockQuantity ?><?cs else ?><?cs set:Page.VSku = Data.inventoryItem.variants[i].sku ?><?cs set:Page.VSize = Data.inventoryItem.variants[i].size ?><?cs set:Page.VColor = Data.inventoryItem.variants[i].color ?><?cs set:Page.VPrice = Data.inventoryItem.variants[i].price.Input ?><?cs set:Page.VStock = Data.inventoryItem.variants[i].stockQuantity ?><?cs /if ?>
    <div class="row variant">
      <?cs if:Data.inventoryItem.variants[i].id ?><input type="hidden" name="variants.<?cs var:i ?>.id" value="<?cs var:Data.inventoryItem.variants[i].id ?>"><?cs /if ?>
      <div class="field">
        <label for="f-vs-<?cs var:i ?>">SKU (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-vs-<?cs var:i ?>" name="variants.<?cs var:i ?>.sku" type="text" value="<?cs var:Page.VSku ?>">
      </div>
      <div class="field">
        <label for="f-vz-<?cs var:i ?>"><?cs var:Lang.Products.Size ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <select id="f-vz-<?cs var:i ?>" name="variants.<?cs var:i ?>.size">
          <option value=""><?cs var:Lang.Products.NoSize ?></option>
          <?cs each:z = Lang.Products.Sizes ?><option value="<?cs var:z.Name ?>"<?cs if:z.Name == Page.VSize ?> selected<?cs /if ?>><?cs var:z.Label ?></option><?cs /each ?>
        </select>
      </div>
      <div class="field">
        <label for="f-vc-<?cs var:i ?>"><?cs var:Lang.Products.Colour ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-vc-<?cs var:i ?>" name="variants.<?cs var:i ?>.color" type="text" value="<?cs var:Page.VColor ?>">
      </div>
      <div class="field">
        <label for="f-vp-<?cs var:i ?>"><?cs var:Lang.Products.VariantPrice ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-vp-<?cs var:i ?>" name="variants.<?cs var:i ?>.price" type="text" inputmode="decimal" value="<?cs var:Page.VPrice ?>">
      </div>
      <div class="field">
        <label for="f-vq-<?cs var:i ?>"><?cs var:Lang.Products.VariantStock ?> (<?cs var:Lang.Products.Row ?> <?cs var:i + 1 ?>)</label>
        <input id="f-vq-<?cs var:i ?>" name="variants.<?cs var:i ?>.stockQuantity" type="number" min="0" inputmode="numeric" value="<?cs var:Page.VStock ?>">
      </div>
    </div>
    <?cs /loop ?>
  </fieldset>
  <?cs if:subcount(p.imagesUrl.Items) > 0 ?>
  <fieldset<?cs if:Field.removeImages.Error ?> class="has-error" aria-describedby="e-removeImages"<?cs /if ?>>
    <legend><?cs var:Lang.Products.CurrentImages ?></legend>
    <?cs if:Field.removeImages.Error ?><p class="error" id="e-removeImages"><?cs var:Field.removeImages.Error ?></p><?cs /if ?>
    <ul class="thumbs">
      <?cs each:im = p.imagesUrl.Items ?><li>
        <img src="<?cs if:im.thumbnail ?><?cs var:im.thumbnail ?><?cs else ?><?cs var:im.url ?><?cs /if ?>" alt="<?cs var:Lang.Products.ImageAlt ?> <?cs var:name(im) + 1 ?>" width="96" height="96" loading="lazy">
        <div class="field check">
          <input id="f-ri-<?cs name:im ?>" name="removeImages.<?cs name:im ?>" type="checkbox" value="<?cs var:im.url ?>"<?cs if:Page.Op && Form.removeImages[name(im)] ?> checked<?cs /if ?>>
          <label for="f-ri-<?cs name:im ?>"><?cs var:Lang.Products.RemoveImage ?> <?cs var:name(im) + 1 ?></label>
        </div>
      </li><?cs /each ?>
    </ul>
  </fieldset>
  <?cs /if ?>
  <?cs call:image_input() ?>
  <button type="submit"><?cs var:Lang.Form.Save ?></button>
</form>
<h2><?cs var:Lang.Products.MoreHeading ?></h2>
<form method="post" action="/sell/products/<?cs var:p.id ?>" class="form">
  <?cs call:op("ProductDuplicate") ?>
  <input type="hidden" name="productId" value="<?cs var:p.id ?>">
  <?cs call:field("copyName", "text", Lang.Products.CopyName, "off", p.name + " " + Lang.Products.CopySuffix) ?>
  <button type="submit" class="secondary"><?cs var:Lang.Products.Duplicate ?></button>
</form>
<form method="post" action="/sell" class="form" data-confirm="<?cs var:Lang.Products.ConfirmArchive ?>">
  <?cs call:op("ProductArchive") ?>
  <input type="hidden" name="productId" value="<?cs var:p.id ?>">
  <button type="submit" class="danger"><?cs var:Lang.Products.Archive ?></button>
</form>
<?cs /with ?>
<script src="/static/js/upload.js" nonce="<?cs var:Page.Nonce ?>" defer></script>

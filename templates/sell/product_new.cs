<?cs include:"sell/_product_form.cs" ?>
<nav aria-label="<?cs var:Lang.Catalog.Breadcrumb ?>" class="breadcrumb"><a href="/sell"><?cs var:Lang.Title.sell_index ?></a> › <?cs var:Lang.Title.sell_product_new ?></nav>
<h1><?cs var:Lang.Title.sell_product_new ?></h1>
<?cs call:errors() ?>
<p><?cs var:Lang.Products.NewIntro ?></p>
<form method="post" action="/sell/products/new" class="form" enctype="multipart/form-data" data-upload novalidate>
  <?cs call:op("ProductCreate") ?>
  <?cs call:field("name", "text", Lang.Products.Name, "off", "") ?>
  <div class="field<?cs if:Field.description.Error ?> has-error<?cs /if ?>">
    <label for="f-description"><?cs var:Lang.Products.Description ?></label>
    <textarea id="f-description" name="description" rows="5"<?cs if:Field.description.Error ?> aria-invalid="true" aria-describedby="e-description"<?cs /if ?>><?cs var:Form.description ?></textarea>
    <?cs if:Field.description.Error ?><p class="error" id="e-description"><?cs var:Field.description.Error ?></p><?cs /if ?>
  </div>
  <?cs call:category_select("category", Form.category) ?>
  <?cs call:field("customBrand", "text", Lang.Products.Brand, "off", "") ?>
  <?cs call:condition_select(Form.condition) ?>
  <?cs call:field("price", "text", Lang.Products.Price, "off", "") ?>
  <?cs call:field("discount", "text", Lang.Products.DiscountPercent, "off", "") ?>
  <div class="field">
    <label for="f-isActive"><?cs var:Lang.Products.Status ?></label>
    <select id="f-isActive" name="isActive">
      <option value="on"<?cs if:Form.isActive != "off" ?> selected<?cs /if ?>><?cs var:Lang.Products.Statuses.ACTIVE ?></option>
      <option value="off"<?cs if:Form.isActive == "off" ?> selected<?cs /if ?>><?cs var:Lang.Products.Statuses.DRAFT ?></option>
    </select>
  </div>
  <?cs call:image_input() ?>
  <button type="submit"><?cs var:Lang.Products.Create ?></button>
</form>
<script src="/static/js/upload.js" nonce="<?cs var:Page.Nonce ?>" defer></script>

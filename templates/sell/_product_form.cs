<?cs # _product_form.cs: the pieces the product pages (product_new.cs, product.cs) share. ?>
<?cs # The category select of Data.categories (depth first, at most three levels), with
   chosen selected. ?>
<?cs def:category_select(name, chosen) ?>
<div class="field<?cs if:Field[name].Error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:Lang.Products.Category ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Field[name].Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
    <option value=""><?cs var:Lang.Products.ChooseCategory ?></option>
    <?cs each:c = Data.categories ?><?cs if:!c.parentCategory ?><?cs set:Page.CatRoot = c.id ?><?cs set:Page.CatDepth = 0 ?><?cs elif:c.parentCategory == Page.CatRoot ?><?cs set:Page.CatDepth = 1 ?><?cs else ?><?cs set:Page.CatDepth = 2 ?><?cs /if ?>
    <option value="<?cs var:c.id ?>"<?cs if:c.id == chosen ?> selected<?cs /if ?>><?cs if:Page.CatDepth == 1 ?>– <?cs elif:Page.CatDepth == 2 ?>– – <?cs /if ?><?cs var:c.name ?></option><?cs /each ?>
  </select>
  <?cs if:Field[name].Error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Field[name].Error ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:condition_select(chosen) ?>
<div class="field">
  <label for="f-condition"><?cs var:Lang.Products.Condition ?></label>
  <select id="f-condition" name="condition">
    <option value=""<?cs if:!chosen ?> selected<?cs /if ?>><?cs var:Lang.Products.NoCondition ?></option>
    <?cs each:c = Lang.Products.Conditions ?><option value="<?cs name:c ?>"<?cs if:name(c) == chosen ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
  </select>
</div>
<?cs /def ?>
<?cs # The image files (several), sent with the form; upload.js shows the progress. ?>
<?cs def:image_input() ?>
<div class="field<?cs if:Field.images.Error ?> has-error<?cs /if ?>">
  <label for="f-images"><?cs var:Lang.Products.Images ?></label>
  <p class="hint" id="h-images"><?cs var:Lang.Products.ImagesHint ?></p>
  <input id="f-images" name="images" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="h-images<?cs if:Field.images.Error ?> e-images<?cs /if ?>"<?cs if:Field.images.Error ?> aria-invalid="true"<?cs /if ?>>
  <?cs if:Field.images.Error ?><p class="error" id="e-images"><?cs var:Field.images.Error ?></p><?cs /if ?>
  <div class="upload-progress" hidden>
    <label for="p-images"><?cs var:Lang.Products.Uploading ?></label>
    <progress id="p-images" max="100" value="0"></progress>
    <p class="visually-hidden" role="status" aria-live="polite" data-upload-status data-text-done="<?cs var:Lang.Products.UploadDone ?>" data-text-failed="<?cs var:Lang.Products.UploadFailed ?>"></p>
  </div>
</div>
<?cs /def ?>

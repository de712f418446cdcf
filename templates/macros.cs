<?cs # macros.cs: the form pieces every page uses. Included by layout.cs before the page. ?>
<?cs def:csrf() ?><input type="hidden" name="_csrf" value="<?cs var:Page.Csrf ?>"><?cs /def ?>
<?cs def:op(name) ?><?cs call:csrf() ?><input type="hidden" name="_op" value="<?cs var:name ?>"><?cs /def ?>
<?cs # A labelled input; after a failed POST of this form it shows what was sent (never a
   password) and its error. value: what it shows otherwise. ?>
<?cs def:field(name, type, label, auto, value) ?>
<div class="field<?cs if:Field[name].Error ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>"<?cs if:auto ?> autocomplete="<?cs var:auto ?>"<?cs /if ?><?cs if:type != "password" ?><?cs if:Page.Op ?> value="<?cs var:Form[name] ?>"<?cs else ?> value="<?cs var:value ?>"<?cs /if ?><?cs /if ?><?cs if:Field[name].Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
  <?cs if:Field[name].Error ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Field[name].Error ?></p><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:checkbox(name, label, checked) ?>
<div class="field check">
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="checkbox"<?cs if:checked ?> checked<?cs /if ?>>
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
</div>
<?cs /def ?>
<?cs # The problems of a failed POST, announced to screen readers. ?>
<?cs def:errors() ?><?cs if:subcount(Errors) > 0 ?>
<div class="error-summary" role="alert">
  <h2><?cs var:Lang.Form.Problems ?></h2>
  <ul><?cs each:e = Errors ?><li><?cs var:e.message ?></li><?cs /each ?></ul>
</div>
<?cs /if ?><?cs /def ?>

<h1><?cs var:Lang.SignOut.Heading ?></h1>
<?cs call:errors() ?>
<form method="post" action="/sign-out" class="form">
  <?cs call:op("SignOut") ?>
  <button type="submit"><?cs var:Lang.Nav.SignOut ?></button>
</form>

<!DOCTYPE html><?cs include:"macros.cs" ?>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="<?cs var:Page.Csrf ?>">
<title><?cs if:Error.Status ?><?cs var:Lang.ErrorPage[Error.Status].Title ?><?cs elif:Data.product.name ?><?cs var:Data.product.name ?><?cs elif:Data.vendorById.businessName ?><?cs var:Data.vendorById.businessName ?><?cs else ?><?cs var:Lang.Title[Page.Id] ?><?cs /if ?> · <?cs var:Lang.Site.Name ?></title>
<link rel="stylesheet" href="/static/css/site.css">
<script src="/static/js/app.js" nonce="<?cs var:Page.Nonce ?>" defer></script>
</head>
<body>
<a class="skip-link" href="#main"><?cs var:Lang.Nav.Skip ?></a>
<header class="site-header">
  <div class="container bar">
    <a class="brand" href="/"><?cs var:Lang.Site.Name ?></a>
    <nav aria-label="<?cs var:Lang.Nav.Label ?>">
      <ul class="nav">
        <li><a href="/products"<?cs if:Page.Id == "catalog_index" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Products ?></a></li>
      <?cs if:Viewer.SignedIn == "1" ?>
        <li><a href="/sell"<?cs if:Page.Id == "sell_index" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Sell ?></a></li>
        <li><a href="/wishlist"<?cs if:Page.Id == "wishlist_index" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Wishlist ?></a></li>
        <li><a href="/cart"<?cs if:Page.Id == "cart_index" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.Cart ?></a></li>
        <li><a href="/account"><?cs var:Lang.Nav.Account ?></a></li>
        <li><form method="post" action="/sign-out" class="inline"><?cs call:op("SignOut") ?><button type="submit" class="link"><?cs var:Lang.Nav.SignOut ?></button></form></li>
      <?cs else ?>
        <li><a href="/sign-in"><?cs var:Lang.Nav.SignIn ?></a></li>
        <li><a href="/sign-up"><?cs var:Lang.Nav.SignUp ?></a></li>
      <?cs /if ?>
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="container" tabindex="-1">
<?cs if:Flash.Text ?><p class="flash" role="status"><?cs var:Flash.Text ?></p><?cs /if ?>
<?cs include:Page.Template ?>
</main>
<footer class="site-footer">
  <div class="container">
    <form method="post" action="/lang" class="lang-switch">
      <?cs call:csrf() ?>
      <input type="hidden" name="next" value="<?cs var:Page.Uri ?>">
      <label for="lang-select"><?cs var:Lang.Nav.Language ?></label>
      <select id="lang-select" name="lang">
        <?cs each:l = Page.Langs ?><option value="<?cs var:l ?>"<?cs if:l == Page.Lang ?> selected<?cs /if ?>><?cs var:Lang.Languages[l] ?></option><?cs /each ?>
      </select>
      <button type="submit"><?cs var:Lang.Nav.ChangeLanguage ?></button>
    </form>
  </div>
</footer>
</body>
</html>

<h1><?cs var:Lang.Home.Heading ?></h1>
<p class="lead"><?cs var:Lang.Home.Intro ?></p>
<?cs # CATALOG: featured products, categories and recently added come here with the catalog
   pages (issue 6 item 3); this page shows no products until then. ?>
<section aria-labelledby="home-account">
  <h2 id="home-account"><?cs var:Lang.Home.AccountHeading ?></h2>
  <?cs if:Viewer.SignedIn == "1" ?>
  <p><a class="button" href="/account"><?cs var:Lang.Home.GoAccount ?></a></p>
  <?cs else ?>
  <p><?cs var:Lang.Home.SignInPrompt ?></p>
  <p><a class="button" href="/sign-up"><?cs var:Lang.Nav.SignUp ?></a> <a class="button secondary" href="/sign-in"><?cs var:Lang.Nav.SignIn ?></a></p>
  <?cs /if ?>
</section>

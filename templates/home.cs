<h1><?cs var:Lang.Home.Heading ?></h1>
<p class="lead"><?cs var:Lang.Home.Intro ?></p>
<form method="get" action="/products" class="search-bar" role="search">
  <label for="home-q" class="visually-hidden"><?cs var:Lang.Catalog.SearchLabel ?></label>
  <input id="home-q" name="q" type="search" placeholder="<?cs var:Lang.Catalog.SearchPlaceholder ?>">
  <button type="submit"><?cs var:Lang.Catalog.Search ?></button>
</form>
<?cs if:subcount(Data.featuredProducts) > 0 ?>
<section aria-labelledby="home-featured">
  <h2 id="home-featured"><?cs var:Lang.Home.Featured ?></h2>
  <ul class="products">
  <?cs each:p = Data.featuredProducts ?><?cs include:"catalog/_card.cs" ?><?cs /each ?>
  </ul>
  <p><a class="button secondary" href="/products"><?cs var:Lang.Home.AllProducts ?></a></p>
</section>
<?cs /if ?>
<?cs if:subcount(Data.recent.edges) > 0 ?>
<section aria-labelledby="home-recent">
  <h2 id="home-recent"><?cs var:Lang.Home.Recent ?></h2>
  <ul class="products">
  <?cs each:e = Data.recent.edges ?><?cs with:p = e.node ?><?cs include:"catalog/_card.cs" ?><?cs /with ?><?cs /each ?>
  </ul>
  <p><a class="button secondary" href="/products?sort=NEWEST"><?cs var:Lang.Home.AllRecent ?></a></p>
</section>
<?cs /if ?>
<section aria-labelledby="home-departments">
  <h2 id="home-departments"><?cs var:Lang.Home.Departments ?></h2>
  <ul class="departments">
  <?cs each:c = Data.categories ?><?cs if:c.parentCategory && c.productCount > 0 ?>
    <li><a href="/products?category=<?cs var:url_escape(c.id) ?>"><?cs var:c.name ?></a> <span class="muted">(<?cs var:c.productCount ?>)</span></li>
  <?cs /if ?><?cs /each ?>
  </ul>
</section>
<section aria-labelledby="home-account">
  <h2 id="home-account"><?cs var:Lang.Home.AccountHeading ?></h2>
  <?cs if:Viewer.SignedIn == "1" ?>
  <p><a class="button" href="/account"><?cs var:Lang.Home.GoAccount ?></a></p>
  <?cs else ?>
  <p><?cs var:Lang.Home.SignInPrompt ?></p>
  <p><a class="button" href="/sign-up"><?cs var:Lang.Nav.SignUp ?></a> <a class="button secondary" href="/sign-in"><?cs var:Lang.Nav.SignIn ?></a></p>
  <?cs /if ?>
</section>

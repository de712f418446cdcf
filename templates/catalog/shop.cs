<?cs with:s = Data.vendorById ?>
<header class="shop-head">
  <?cs if:s.logo ?><img src="<?cs var:s.logo ?>" alt="" width="96" height="96" class="logo"><?cs /if ?>
  <div>
    <h1><?cs var:s.businessName ?><?cs if:s.isVerified == "1" ?> <span class="badge ok"><?cs var:Lang.Catalog.Verified ?></span><?cs /if ?></h1>
    <?cs if:s.description ?><p><?cs var:s.description ?></p><?cs /if ?>
    <dl class="facts">
      <?cs if:s.minOrderValue > 0 ?><dt><?cs var:Lang.Catalog.ShopMinimum ?></dt><dd><?cs var:s.minOrderValue.Money ?></dd><?cs /if ?>
      <?cs if:subcount(s.categories) > 0 ?><dt><?cs var:Lang.Catalog.Departments ?></dt><dd><?cs each:c = s.categories ?><?cs if:name(c) != "0" ?>, <?cs /if ?><?cs var:c ?><?cs /each ?></dd><?cs /if ?>
      <?cs if:s.reviewCount > 0 ?><dt><?cs var:Lang.Catalog.Rating ?></dt><dd><?cs var:s.rating ?> / 5 (<?cs var:s.reviewCount ?>)</dd><?cs /if ?>
      <?cs if:s.email ?><dt><?cs var:Lang.Form.Email ?></dt><dd><a href="mailto:<?cs var:s.email ?>"><?cs var:s.email ?></a></dd><?cs /if ?>
      <dt><?cs var:Lang.Catalog.Since ?></dt><dd><?cs var:s.createdAt.Local ?></dd>
    </dl>
  </div>
</header>
<h2><?cs var:Lang.Catalog.ShopProducts ?> <span class="muted">(<?cs var:Data.searchProducts.totalCount ?>)</span></h2>
<ul class="products">
<?cs each:e = Data.searchProducts.edges ?><?cs with:p = e.node ?><?cs include:"catalog/_card.cs" ?><?cs /with ?><?cs /each ?>
</ul>
<?cs if:Data.searchProducts.pageInfo.hasNextPage == "1" ?>
<p><a class="button secondary" rel="next" href="/shops/<?cs var:s.id ?>?after=<?cs var:url_escape(Data.searchProducts.pageInfo.endCursor) ?>"><?cs var:Lang.Catalog.NextPage ?></a></p>
<?cs /if ?>
<?cs /with ?>

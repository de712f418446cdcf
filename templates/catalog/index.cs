<h1><?cs var:Lang.Title.catalog_index ?></h1>
<form method="get" action="/products" class="filters" role="search">
  <div class="field grow">
    <label for="f-q"><?cs var:Lang.Catalog.SearchLabel ?></label>
    <input id="f-q" name="q" type="search" value="<?cs var:Query.q ?>">
  </div>
  <div class="field">
    <label for="f-category"><?cs var:Lang.Catalog.Category ?></label>
    <select id="f-category" name="category">
      <option value=""><?cs var:Lang.Catalog.AnyCategory ?></option>
      <?cs each:c = Data.categories ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Query.category ?> selected<?cs /if ?>><?cs if:c.parentCategory ?>&nbsp;&nbsp;<?cs /if ?><?cs var:c.name ?></option><?cs /each ?>
    </select>
  </div>
  <div class="field small">
    <label for="f-minPrice"><?cs var:Lang.Catalog.MinPrice ?></label>
    <input id="f-minPrice" name="minPrice" type="number" min="0" step="0.01" inputmode="decimal" value="<?cs var:Query.minPrice ?>">
  </div>
  <div class="field small">
    <label for="f-maxPrice"><?cs var:Lang.Catalog.MaxPrice ?></label>
    <input id="f-maxPrice" name="maxPrice" type="number" min="0" step="0.01" inputmode="decimal" value="<?cs var:Query.maxPrice ?>">
  </div>
  <div class="field">
    <label for="f-sort"><?cs var:Lang.Catalog.Sort ?></label>
    <select id="f-sort" name="sort">
      <option value=""><?cs var:Lang.Catalog.BestMatch ?></option>
      <?cs each:s = Lang.Catalog.Sorts ?><option value="<?cs name:s ?>"<?cs if:name(s) == Query.sort ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:checkbox("inStock", Lang.Catalog.InStockOnly, Query.inStock) ?>
  <div class="field"><button type="submit"><?cs var:Lang.Catalog.Search ?></button></div>
</form>
<?cs if:subcount(QueryErrors) > 0 ?>
<div class="error-summary" role="alert"><h2><?cs var:Lang.Form.Problems ?></h2><ul><?cs each:e = QueryErrors ?><li><?cs var:e.message ?></li><?cs /each ?></ul></div>
<?cs else ?>
<p class="muted" role="status"><?cs var:Data.searchProducts.totalCount ?> <?cs var:Lang.Catalog.Results ?></p>
<?cs if:Query.q && subcount(Data.searchProducts.facets.categories) > 1 ?>
<nav aria-label="<?cs var:Lang.Catalog.Refine ?>" class="facets"><ul>
  <?cs loop:n = 0, 11, 1 ?><?cs with:f = Data.searchProducts.facets.categories[n] ?><?cs if:f.value ?><li><a href="/products?q=<?cs var:url_escape(Query.q) ?>&amp;category=<?cs var:url_escape(f.value) ?>&amp;minPrice=<?cs var:url_escape(Query.minPrice) ?>&amp;maxPrice=<?cs var:url_escape(Query.maxPrice) ?>&amp;sort=<?cs var:url_escape(Query.sort) ?>&amp;inStock=<?cs var:url_escape(Query.inStock) ?>"><?cs var:f.label ?></a> <span class="muted">(<?cs var:f.count ?>)</span></li><?cs /if ?><?cs /with ?><?cs /loop ?>
</ul></nav>
<?cs /if ?>
<?cs if:subcount(Data.searchProducts.edges) == 0 ?>
<p><?cs var:Lang.Catalog.NoResults ?></p>
<?cs else ?>
<ul class="products">
<?cs each:e = Data.searchProducts.edges ?><?cs with:p = e.node ?><?cs include:"catalog/_card.cs" ?><?cs /with ?><?cs /each ?>
</ul>
<?cs /if ?>
<?cs if:Data.searchProducts.pageInfo.hasNextPage == "1" ?>
<p><a class="button secondary" rel="next" href="/products?q=<?cs var:url_escape(Query.q) ?>&amp;category=<?cs var:url_escape(Query.category) ?>&amp;minPrice=<?cs var:url_escape(Query.minPrice) ?>&amp;maxPrice=<?cs var:url_escape(Query.maxPrice) ?>&amp;sort=<?cs var:url_escape(Query.sort) ?>&amp;inStock=<?cs var:url_escape(Query.inStock) ?>&amp;after=<?cs var:url_escape(Data.searchProducts.pageInfo.endCursor) ?>"><?cs var:Lang.Catalog.NextPage ?></a></p>
<?cs /if ?>
<?cs /if ?>

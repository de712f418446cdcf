<h1><?cs var:Lang.Title.wishlist_index ?></h1>
<?cs call:errors() ?>
<?cs if:subcount(Data.myWishlist) == 0 ?>
<p><?cs var:Lang.Wishlist.Empty ?> <a href="/products"><?cs var:Lang.Home.AllProducts ?></a></p>
<?cs else ?>
<ul class="products">
<?cs each:w = Data.myWishlist ?><?cs with:p = w.product ?>
  <?cs include:"catalog/_card.cs" ?>
  <li class="wish-actions">
    <form method="post" action="/wishlist" class="inline">
      <?cs call:op("WishlistRemove") ?>
      <input type="hidden" name="productId" value="<?cs var:p.id ?>">
      <button type="submit" class="link"><?cs var:Lang.Wishlist.Remove ?><span class="visually-hidden">: <?cs var:p.name ?></span></button>
    </form>
  </li>
<?cs /with ?><?cs /each ?>
</ul>
<?cs /if ?>

<nav aria-label="<?cs var:Lang.Account.NavLabel ?>" class="subnav">
  <ul>
    <li><a href="/account"<?cs if:Page.Path == "/account" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_index ?></a></li>
    <li><a href="/account/profile"<?cs if:Page.Path == "/account/profile" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_profile ?></a></li>
    <li><a href="/account/addresses"<?cs if:Page.Path == "/account/addresses" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_addresses ?></a></li>
    <li><a href="/account/payment-methods"<?cs if:Page.Path == "/account/payment-methods" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_payments ?></a></li>
    <li><a href="/account/sessions"<?cs if:Page.Path == "/account/sessions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_sessions ?></a></li>
    <li><a href="/account/security"<?cs if:Page.Path == "/account/security" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Title.account_security ?></a></li>
  </ul>
</nav>

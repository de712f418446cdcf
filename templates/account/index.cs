<h1><?cs var:Lang.Title.account_index ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<?cs with:u = Data.viewMe ?>
<dl class="facts">
  <dt><?cs var:Lang.Account.Name ?></dt><dd><?cs var:u.firstName ?> <?cs var:u.lastName ?></dd>
  <dt><?cs var:Lang.Form.Email ?></dt><dd><?cs var:u.email ?>
    <?cs if:u.emailVerified == "1" ?><span class="badge ok"><?cs var:Lang.Account.Verified ?></span><?cs else ?><span class="badge warn"><?cs var:Lang.Account.NotVerified ?></span><?cs /if ?></dd>
  <dt><?cs var:Lang.SignUp.AccountType ?></dt><dd><?cs var:Lang.AccountTypes[u.accountType] ?></dd>
  <dt><?cs var:Lang.Security.TwoFactor ?></dt><dd><?cs if:Data.is2FAEnabled.enabled == "1" ?><?cs var:Lang.Security.On ?><?cs else ?><?cs var:Lang.Security.Off ?><?cs /if ?></dd>
</dl>
<?cs if:u.emailVerified != "1" ?>
<form method="post" action="/account" class="form">
  <?cs call:op("ResendVerification") ?>
  <p><?cs var:Lang.Account.VerifyPrompt ?></p>
  <button type="submit"><?cs var:Lang.Account.Resend ?></button>
</form>
<?cs /if ?>
<?cs /with ?>

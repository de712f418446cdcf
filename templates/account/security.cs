<h1><?cs var:Lang.Title.account_security ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<h2><?cs var:Lang.Security.TwoFactor ?></h2>
<?cs if:Result.secret || Page.Op == "Verify2FA" ?>
  <?cs if:Result.secret ?>
  <p><?cs var:Lang.Security.ScanIntro ?></p>
  <p><img class="qr" src="<?cs var:Result.qrCodeUrl ?>" alt="<?cs var:Lang.Security.QrAlt ?>" width="240" height="240"></p>
  <p><?cs var:Lang.Security.ManualIntro ?> <code id="totp-secret"><?cs var:Result.secret ?></code></p>
  <h3><?cs var:Lang.Security.BackupHeading ?></h3>
  <p><?cs var:Lang.Security.BackupIntro ?></p>
  <ul class="codes"><?cs each:c = Result.backupCodes ?><li><code><?cs var:c ?></code></li><?cs /each ?></ul>
  <?cs /if ?>
  <form method="post" action="/account/security" class="form" novalidate>
    <?cs call:op("Verify2FA") ?>
    <?cs call:field("code", "text", Lang.Security.Code, "one-time-code", "") ?>
    <button type="submit"><?cs var:Lang.Security.Confirm ?></button>
  </form>
<?cs elif:Data.is2FAEnabled.enabled == "1" ?>
  <p><?cs var:Lang.Security.IsOn ?></p>
  <form method="post" action="/account/security" class="form" novalidate>
    <?cs call:op("Disable2FA") ?>
    <?cs call:field("password", "password", Lang.SignIn.Password, "current-password", "") ?>
    <button type="submit" class="danger"><?cs var:Lang.Security.Disable ?></button>
  </form>
<?cs else ?>
  <p><?cs var:Lang.Security.IsOff ?></p>
  <form method="post" action="/account/security" class="form">
    <?cs call:op("Enable2FA") ?>
    <button type="submit"><?cs var:Lang.Security.Enable ?></button>
  </form>
<?cs /if ?>
<h2 id="password"><?cs var:Lang.Security.PasswordHeading ?></h2>
<p><?cs var:Lang.Security.PasswordIntro ?></p>
<form method="post" action="/account/security" class="form" novalidate>
  <?cs call:op("ChangePassword") ?>
  <?cs call:field("currentPassword", "password", Lang.Security.CurrentPassword, "current-password", "") ?>
  <?cs call:field("newPassword", "password", Lang.Security.NewPassword, "new-password", "") ?>
  <p class="muted small" id="password-hint"><?cs var:Lang.Security.PasswordHint ?></p>
  <button type="submit"><?cs var:Lang.Security.ChangePassword ?></button>
</form>

<h1><?cs var:Lang.Title.account_sessions ?></h1>
<?cs include:"account/_nav.cs" ?>
<?cs call:errors() ?>
<p><?cs var:Lang.Sessions.Intro ?></p>
<div class="table-wrap">
<table>
  <caption class="visually-hidden"><?cs var:Lang.Title.account_sessions ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.Sessions.Device ?></th><th scope="col"><?cs var:Lang.Sessions.Where ?></th><th scope="col"><?cs var:Lang.Sessions.LastActive ?></th><th scope="col"><?cs var:Lang.Sessions.Started ?></th><th scope="col"><span class="visually-hidden"><?cs var:Lang.Sessions.Actions ?></span></th></tr></thead>
  <tbody>
  <?cs each:s = Data.getActiveSessions.sessions ?>
    <tr<?cs if:s.isCurrent == "1" ?> class="current"<?cs /if ?>>
      <td><?cs var:s.deviceName ?><?cs if:s.isCurrent == "1" ?> <span class="badge ok"><?cs var:Lang.Sessions.ThisDevice ?></span><?cs /if ?></td>
      <td><?cs var:s.ipAddress ?><?cs if:s.location ?> (<?cs var:s.location ?>)<?cs /if ?></td>
      <td><?cs var:s.lastActive.Local ?></td>
      <td><?cs var:s.createdAt.Local ?></td>
      <td><?cs if:s.isCurrent != "1" ?>
        <form method="post" action="/account/sessions" class="inline">
          <?cs call:op("SessionEnd") ?>
          <input type="hidden" name="sessionId" value="<?cs var:s.id ?>">
          <button type="submit" class="secondary"><?cs var:Lang.Sessions.End ?><span class="visually-hidden">: <?cs var:s.deviceName ?>, <?cs var:s.lastActive.Local ?></span></button>
        </form>
      <?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<form method="post" action="/account/sessions" class="form" data-confirm="<?cs var:Lang.Sessions.ConfirmAll ?>">
  <?cs call:op("SessionsEndOthers") ?>
  <button type="submit" class="danger"><?cs var:Lang.Sessions.EndOthers ?></button>
</form>

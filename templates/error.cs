<h1><?cs var:Lang.ErrorPage[Error.Status].Title ?></h1>
<p class="muted"><?cs var:Lang.ErrorPage.Code ?> <?cs var:Error.Status ?></p>
<p><?cs var:Lang.ErrorPage[Error.Status].Text ?></p>
<?cs if:Error.Status == "400" || Error.Status == "403" || Error.Status == "429" ?><p class="muted"><?cs var:Error.Message ?></p><?cs /if ?>
<?cs if:Error.Status == "500" || Error.Status == "503" ?><p class="muted"><?cs var:Lang.ErrorPage.Reference ?> <code><?cs var:Error.RequestId ?></code></p><?cs /if ?>
<p><a href="/"><?cs var:Lang.ErrorPage.Home ?></a></p>

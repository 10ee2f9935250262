<?cs # Macros of the alert mails (macros only, no output): the quoted words, the "you can
  still call us" block, why the reader gets this mail and the one-click unsubscribe. Text
  mails call the *_text ones. ?><?cs

def:alert_quote(text) ?><?cs if:text ?>
<blockquote style="margin:0 0 20px;padding:12px 16px;border-left:4px solid #0b5f8a;background:#f2f7fb;color:#101828;white-space:pre-line;"><?cs var:text ?></blockquote><?cs /if ?><?cs /def ?><?cs

def:alert_quote_text(text) ?><?cs if:text ?>
  | <?cs var:text ?>
<?cs /if ?><?cs /def ?><?cs

def:alert_about() ?><?cs if:Mail.Doc.Label ?><?cs var:Mail.Doc.Label ?><?cs if:Mail.Doc.Version > 1 ?> (version <?cs var:Mail.Doc.Version ?>)<?cs /if ?><?cs if:Mail.Doc.Title ?> — <?cs var:Mail.Doc.Title ?><?cs /if ?><?cs else ?>Job #<?cs var:Mail.Job.Number ?> — <?cs var:Mail.Job.Title ?><?cs /if ?><?cs /def ?><?cs

def:alert_call_us() ?>
<p style="margin:0 0 16px;color:#344054;">Prefer to talk? You can still call us<?cs if:Company.Phone ?> at <a href="tel:<?cs var:Company.PhoneHref ?>" style="color:#0b5f8a;"><?cs var:Company.Phone ?></a><?cs /if ?><?cs if:Company.Email ?> or email <a href="mailto:<?cs var:Company.Email ?>" style="color:#0b5f8a;"><?cs var:Company.Email ?></a><?cs /if ?>.<?cs if:Company.Street ?> Our address: <?cs var:Company.Street ?><?cs if:Company.City ?>, <?cs var:Company.City ?><?cs /if ?><?cs if:Company.Region ?> <?cs var:Company.Region ?><?cs /if ?><?cs if:Company.PostalCode ?> <?cs var:Company.PostalCode ?><?cs /if ?>.<?cs /if ?></p><?cs /def ?><?cs

def:alert_call_us_text() ?>Prefer to talk? You can still call us<?cs if:Company.Phone ?> at <?cs var:Company.Phone ?><?cs /if ?><?cs if:Company.Email ?> or email <?cs var:Company.Email ?><?cs /if ?>.<?cs if:Company.Street ?> Our address: <?cs var:Company.Street ?><?cs if:Company.City ?>, <?cs var:Company.City ?><?cs /if ?><?cs if:Company.Region ?> <?cs var:Company.Region ?><?cs /if ?><?cs if:Company.PostalCode ?> <?cs var:Company.PostalCode ?><?cs /if ?>.<?cs /if ?><?cs /def ?><?cs

def:alert_unsub(what) ?>
<p style="margin:24px 0 0;padding-top:12px;border-top:1px solid #e4e7ec;font-size:12px;color:#667085;">You get this email because alerts about <?cs var:what ?> are on. <a href="<?cs var:Mail.Unsubscribe ?>" style="color:#667085;">Stop these emails</a></p><?cs /def ?><?cs

def:alert_unsub_text(what) ?>
You get this email because alerts about <?cs var:what ?> are on. Stop these emails:
<?cs var:Mail.Unsubscribe ?>
<?cs /def ?>
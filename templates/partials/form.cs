<?cs # Form macros (macros only: this file outputs nothing when included).
  Every control reads Form.Values[name] and Form.Errors[name]. Ids are "f-<name>",
  hints "f-<name>-hint", errors "f-<name>-error"; aria-describedby ties them to the control.
  `required` is 1 or 0; pass "" for an unused hint, type or autocomplete. ?><?cs

# The CSRF token for every POST form. ?><?cs
def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Page.Csrf ?>"><?cs /def ?><?cs

# Page.Flash after a redirect; Page.FlashKind is "ok" or "error".  One with Page.FlashAt
  is left to the page, which shows it with flash_at(where) by the form it answers. ?><?cs
def:flash() ?><?cs if:Page.Flash && !Page.FlashAt ?><?cs
	if:Page.FlashKind == "error" ?><div class="flash flash--error" role="alert"><?cs
	else ?><div class="flash flash--ok" role="status"><?cs /if ?><p><?cs var:Page.Flash ?></p></div><?cs
/if ?><?cs /def ?><?cs
def:flash_at(where) ?><?cs if:Page.Flash && Page.FlashAt == where ?><?cs
	if:Page.FlashKind == "error" ?><div class="flash flash--error" role="alert"><?cs
	else ?><div class="flash flash--ok" role="status"><?cs /if ?><p><?cs var:Page.Flash ?></p></div><?cs
/if ?><?cs /def ?><?cs

# Form.Error: one message about the whole form, shown above it. ?><?cs
def:form_error() ?><?cs if:Form.Error ?><div class="alert alert--error" role="alert"><p><?cs var:Form.Error ?></p></div><?cs /if ?><?cs /def ?><?cs

# Form.ErrorCount (how many fields have a Form.Errors message): one box above the form
  that says how many fields to fix and links to the first of them (controls have the id
  "f-<name>"; Form.Errors keeps the order the fields were checked in). ?><?cs
def:error_summary() ?><?cs if:Form.ErrorCount > 0 ?>
<div class="alert alert--error error-summary" role="alert">
<p><strong>Please fix <?cs var:Form.ErrorCount ?> <?cs if:Form.ErrorCount == 1 ?>field<?cs else ?>fields<?cs /if ?> below.</strong><?cs
	each:e = Form.Errors ?><?cs if:first(e) ?>
<a href="#f-<?cs var:name(e) ?>"><?cs if:Form.ErrorCount == 1 ?>Go to the field<?cs else ?>Go to the first one<?cs /if ?></a><?cs
	/if ?><?cs /each ?></p>
</div><?cs /if ?><?cs /def ?><?cs

# Pieces shared by the controls below. ?><?cs
def:field_label(name, label, required) ?><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs
	if:required ?><span class="req" aria-hidden="true">*</span><?cs /if ?></label><?cs /def ?><?cs
def:field_hint(name, hint) ?><?cs if:hint ?><p class="hint" id="f-<?cs var:name ?>-hint"><?cs var:hint ?></p><?cs /if ?><?cs /def ?><?cs
def:field_error(name) ?><?cs if:Form.Errors[name] ?><p class="field-error" id="f-<?cs var:name ?>-error"><span class="visually-hidden">Error:</span> <?cs var:Form.Errors[name] ?></p><?cs /if ?><?cs /def ?><?cs
def:field_attrs(name, required, hint) ?> id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs
	if:required ?> required<?cs /if ?><?cs
	if:Form.Errors[name] ?> aria-invalid="true"<?cs /if ?><?cs
	if:hint || Form.Errors[name] ?> aria-describedby="<?cs
		if:hint ?>f-<?cs var:name ?>-hint<?cs /if ?><?cs
		if:hint && Form.Errors[name] ?> <?cs /if ?><?cs
		if:Form.Errors[name] ?>f-<?cs var:name ?>-error<?cs /if ?>"<?cs
	/if ?><?cs /def ?><?cs
def:field_open(name) ?><div class="field<?cs if:Form.Errors[name] ?> field--error<?cs /if ?>"><?cs /def ?><?cs

# A one-line input. type defaults to "text"; passwords are never echoed back. ?><?cs
def:field(name, label, type, autocomplete, required, hint) ?>
<?cs call:field_open(name) ?>
<?cs call:field_label(name, label, required) ?>
<?cs call:field_hint(name, hint) ?>
<input class="input" type="<?cs if:type ?><?cs var:type ?><?cs else ?>text<?cs /if ?>"<?cs
	call:field_attrs(name, required, hint) ?><?cs
	if:type != "password" ?> value="<?cs var:Form.Values[name] ?>"<?cs /if ?><?cs
	if:type == "email" ?> autocapitalize="none" spellcheck="false"<?cs /if ?><?cs
	if:autocomplete ?> autocomplete="<?cs var:autocomplete ?>"<?cs /if ?>>
<?cs call:field_error(name) ?>
</div>
<?cs /def ?><?cs

# A multi-line text. ?><?cs
def:textarea(name, label, required, hint) ?>
<?cs call:field_open(name) ?>
<?cs call:field_label(name, label, required) ?>
<?cs call:field_hint(name, hint) ?>
<textarea class="textarea" rows="3"<?cs call:field_attrs(name, required, hint) ?>><?cs var:Form.Values[name] ?></textarea>
<?cs call:field_error(name) ?>
</div>
<?cs /def ?><?cs

# A select over options.N.Value / options.N.Label; the option equal to Form.Values[name] is
  selected. A non-empty placeholder adds a first, empty choice (selected while the value is
  empty, so nothing is picked for the person); only then is the HTML
  `required` attribute valid, otherwise a required select says so with aria-required. ?><?cs
def:select(name, label, options, required, placeholder, hint) ?>
<?cs call:field_open(name) ?>
<?cs call:field_label(name, label, required) ?>
<?cs call:field_hint(name, hint) ?>
<select class="select"<?cs
	if:placeholder ?><?cs call:field_attrs(name, required, hint) ?><?cs
	else ?><?cs call:field_attrs(name, 0, hint) ?><?cs if:required ?> aria-required="true"<?cs /if ?><?cs /if ?>><?cs
	if:placeholder ?>
<option value=""<?cs if:!Form.Values[name] ?> selected<?cs /if ?>><?cs var:placeholder ?></option><?cs /if ?><?cs
	each:o = options ?>
<option value="<?cs var:o.Value ?>"<?cs if:o.Value == Form.Values[name] ?> selected<?cs /if ?>><?cs var:o.Label ?></option><?cs
	/each ?>
</select>
<?cs call:field_error(name) ?>
</div>
<?cs /def ?><?cs

# A select over plain values (options.N is both value and label), e.g. Timezones. ?><?cs
def:select_plain(name, label, options, required, hint) ?>
<?cs call:field_open(name) ?>
<?cs call:field_label(name, label, required) ?>
<?cs call:field_hint(name, hint) ?>
<select class="select"<?cs call:field_attrs(name, 0, hint) ?><?cs if:required ?> aria-required="true"<?cs /if ?>><?cs
	each:o = options ?>
<option value="<?cs var:o ?>"<?cs if:o == Form.Values[name] ?> selected<?cs /if ?>><?cs var:o ?></option><?cs
	/each ?>
</select>
<?cs call:field_error(name) ?>
</div>
<?cs /def ?>
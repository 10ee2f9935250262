<?cs # Macros of the job, schedule and dashboard pages (macros only: outputs nothing). ?><?cs

# A job status badge: status is the name (in_progress), label what people read. ?><?cs
def:job_badge(status, label) ?><span class="badge badge--job-<?cs var:status ?>"><?cs var:label ?></span><?cs /def ?><?cs

# A date or time input (type "date" or "time"). A value the server refused is shown as typed
  in a text input: a date input can't hold "2025-02-30", and the person should see it. ?><?cs
def:when_field(name, label, type, required) ?><?cs
	if:Form.Errors[name] && Form.Values[name] ?><?cs call:field(name, label, "text", "off", required, "") ?><?cs
	else ?><?cs call:field(name, label, type, "off", required, "") ?><?cs /if ?><?cs /def ?><?cs

# A visit status badge: scheduled | done | cancelled. ?><?cs
def:visit_badge(status, label) ?><span class="badge badge--visit-<?cs var:status ?>"><?cs var:label ?></span><?cs /def ?><?cs

# A checkbox with value "1", checked when Form.Values[name] is set; its label follows it. ?><?cs
def:checkbox(name, label, hint) ?>
<div class="check">
<input type="checkbox" id="f-<?cs var:name ?>" name="<?cs var:name ?>" value="1"<?cs
	if:Form.Values[name] ?> checked<?cs /if ?><?cs
	if:hint ?> aria-describedby="f-<?cs var:name ?>-hint"<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:label ?></label><?cs
if:hint ?>
<p class="hint" id="f-<?cs var:name ?>-hint"><?cs var:hint ?></p><?cs /if ?>
</div>
<?cs /def ?><?cs

# A visit in a list: when, job and customer (with_job 1) or who (with_job 0). ?><?cs
def:visit_item(v, with_job) ?>
<li class="visit-item visit-item--<?cs var:v.Status ?>">
<p class="visit-item__when"><span class="visit-item__time"><?cs var:v.Start ?>–<?cs var:v.End ?></span><?cs
	if:v.Status != "scheduled" ?> <?cs call:visit_badge(v.Status, v.StatusLabel) ?><?cs /if ?></p>
<p class="visit-item__what"><?cs
	if:with_job ?><a href="<?cs var:v.JobHref ?>">#<?cs var:v.JobNumber ?> <?cs var:v.JobTitle ?></a><br><span class="muted"><?cs var:v.CustomerName ?><?cs
		if:v.UserName ?> · <?cs var:v.UserName ?><?cs /if ?></span><?cs
	else ?><?cs if:v.UserName ?><?cs var:v.UserName ?><?cs else ?><span class="muted">Not assigned</span><?cs /if ?><?cs /if ?></p>
</li><?cs /def ?><?cs

# One history entry (History.N or Activity.N); with_job names the job it belongs to. ?><?cs
def:history_item(e, with_job) ?>
<li class="timeline__item timeline__item--<?cs var:e.Kind ?>">
<span class="timeline__icon" aria-hidden="true"></span>
<div class="timeline__body">
<p class="timeline__meta"><span class="timeline__kind"><?cs var:e.KindLabel ?></span><?cs
	if:with_job ?> · <a href="<?cs var:e.JobHref ?>#history">#<?cs var:e.JobNumber ?> <?cs var:e.JobTitle ?></a><?cs /if ?><?cs
	if:e.Visible == "1" ?> <span class="badge badge--visible">Visible to customer</span><?cs /if ?></p>
<p class="timeline__text pre-line"><?cs var:e.Body ?></p>
<p class="timeline__who small muted"><?cs if:e.Who ?><?cs var:e.Who ?><?cs else ?>Customer or system<?cs /if ?> · <?cs var:e.When ?></p>
</div>
</li><?cs /def ?>

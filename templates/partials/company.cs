<?cs # Company form macros (macros only). Include after partials/form.cs. ?><?cs

# The company's details as form fields (signup and settings). Needs partials/form.cs,
  Trades.N.Value/Label and Timezones.N. ?><?cs
def:company_fields() ?>
<?cs call:field("name", "Company name", "text", "organization", 1, "") ?>
<?cs call:select("trade", "Trade", Trades, 1, "Choose your trade", "") ?>
<?cs call:field("street", "Street address", "text", "address-line1", 0, "") ?>
<div class="field-row">
<?cs call:field("city", "City", "text", "address-level2", 0, "") ?>
<?cs call:field("region", "State or region", "text", "address-level1", 0, "") ?>
<?cs call:field("postal_code", "Postal code", "text", "postal-code", 0, "") ?>
</div>
<div class="field-row">
<?cs call:field("phone", "Phone", "tel", "tel", 1, "") ?>
<?cs call:field("email", "Email", "email", "email", 1, "") ?>
</div>
<?cs call:textarea("hours", "Business hours", 0, "For example: Mon–Fri 8:00–17:00, Sat 9:00–12:00") ?>
<?cs call:select_plain("timezone", "Time zone", Timezones, 1, "Appointments and reminders use this time zone.") ?>
<?cs /def ?>
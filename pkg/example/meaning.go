package example

import (
	"fmt"
	"strings"
)

// meaning is what the example catalogue says a KPI counts and where it comes from: fictional,
// as the council is, but worded as a real council's indicator definitions are.
type meaning struct {
	Definition, Numerator, Denominator, Source, TargetRationale string
	Quality, QualityNote                                        string // good | adequate | poor
}

// meanings are the KPIs' definitions, by code. Every KPI has one, so validate gives the
// example no "kpi without a definition" warning.
var meanings = map[string]meaning{
	"FN01": {Definition: "Undisputed invoices paid within 30 days of the date they were received, of all undisputed invoices paid in the quarter.",
		Numerator: "Undisputed invoices paid within 30 days of receipt", Denominator: "Undisputed invoices paid in the quarter",
		Source: "Oracle Fusion accounts payable", TargetRationale: "The Public Contracts Regulations 2015 expect suppliers to be paid within 30 days; the 90% target was set by the Corporate Management Team in 2019."},
	"FN02": {Definition: "Sundry debt invoices raised in the quarter that ends 60 days before the reporting date, by value, that have been paid.",
		Source: "Oracle Fusion accounts receivable"},
	"FN05": {Definition: "Outstanding sundry debt, by value, on invoices raised more than six months before the end of the quarter, excluding debt under a payment plan that is being kept to.",
		Source: "Oracle Fusion accounts receivable", TargetRationale: "Set by the Section 151 officer from the level of debt the bad-debt provision allows for.",
		Quality: "adequate", QualityNote: "Social care debt is assessed case by case before recovery, so some debt stays open while the person's ability to pay is assessed."},
	"FN06": {Definition: "Mean number of calendar days from an invoice's receipt to its payment, over the undisputed invoices paid in the quarter.",
		Source: "Oracle Fusion accounts payable"},
	"GL01": {Definition: "Freedom of Information and Environmental Information Regulations requests closed in the quarter that were answered within 20 working days, or within an extension the law allows.",
		Source: "Information requests case management system", TargetRationale: "The Information Commissioner's Office expects at least 90% of requests answered in time."},
	"GL03": {Definition: "Subject access requests closed in the quarter that were answered within one calendar month, or three months where an extension was notified.",
		Source: "Information requests case management system"},
	"CS01": {Definition: "Calls to the Contact Centre answered by an advisor, of all calls that reached the queue; calls abandoned within 5 seconds are not counted.",
		Numerator: "Calls answered by an advisor", Denominator: "Calls that reached the advisor queue",
		Source: "Contact Centre telephony system", Quality: "good"},
	"CS02": {Definition: "Callers answering the post-call survey who rated their advisor as good, of all callers answering that question.",
		Source: "Contact Centre post-call survey", Quality: "adequate", QualityNote: "About one caller in twelve answers the survey."},
	"CS06": {Definition: "Complaints closed in the quarter that were responded to within 20 working days, or within a timescale agreed with the complainant.",
		Source: "Complaints case management system"},
	"HR09": {Definition: "Training evaluations returned in the quarter in which the participant said the course met its intended outcomes.",
		Source: "Learning management system evaluations"},
	"HR13": {Definition: "Working days lost to sickness absence in the last 12 months, divided by the average number of full-time equivalent staff over those months; schools are excluded.",
		Source: "HR and payroll system", TargetRationale: "Set at the upper quartile of county councils in the 2022 workforce benchmarking."},
	"ICT01": {Definition: "Calls to the ICT Help Desk resolved by the first person taking the call, without passing them on.",
		Source: "ICT service management tool"},
	"ICT02": {Definition: "Ratings of good or very good given in the satisfaction survey sent when an ICT ticket is closed, of all ratings given.",
		Source: "ICT service management tool"},
	"HT01": {Definition: "Routine pothole repairs completed in the quarter that were completed within 28 calendar days of the defect being logged.",
		Source: "Highways asset management system"},
	"HT02": {Definition: "Routine faults reported by residents and completed in the quarter that were completed within 28 calendar days of the report.",
		Source: "Highways asset management system"},
	"HT04": {Definition: "Residents called back after a completed highway job who said they were satisfied with the service, of 100 called each month.",
		Source: "100 Call Back survey", Quality: "adequate", QualityNote: "A sample of 100 a month; a change of 5 points is within the survey's margin of error."},
	"HT08": {Definition: "Emergency highway incidents reported in the quarter that a crew attended within 2 hours of the report.",
		Source: "Highways asset management system"},
	"HT12": {Definition: "Streetlight faults repaired in the quarter within 28 calendar days of being reported; faults needing the electricity network operator are excluded.",
		Source: "Street lighting contractor returns"},
	"WM01": {Definition: "Household and other municipal waste recycled, composted or reused over the last 12 months, as a share of all municipal waste collected.",
		Numerator: "Tonnes recycled, composted or reused", Denominator: "Tonnes of municipal waste collected",
		Source: "WasteDataFlow returns", Quality: "adequate", QualityNote: "The latest quarter's tonnages are provisional until WasteDataFlow is validated."},
	"WM02": {Definition: "Municipal waste sent to landfill over the last 12 months, as a share of all municipal waste collected.",
		Source: "WasteDataFlow returns"},
	"EPE14": {Definition: "County matter planning applications decided in the quarter within 13 weeks of validation, or within an extension agreed with the applicant.",
		Source: "Planning applications system", TargetRationale: "The government's planning performance designation threshold, with a margin."},
	"ASCH1": {Definition: "People whose contact with adult social care was resolved at first contact who contacted it again within 3 months.",
		Source: "Adult social care case management system"},
	"ASCH2": {Definition: "Care Needs Assessments completed in the quarter that were completed within 28 days of the request.",
		Source: "Adult social care case management system"},
	"ASCH3": {Definition: "People receiving long-term community support at the end of the quarter whose support is wholly or partly a Direct Payment.",
		Source: "Adult social care case management system"},
	"ASCH4": {Definition: "People receiving long-term support at the end of the quarter who have had a review in the 12 months before.",
		Source: "Adult social care case management system"},
	"ASCH5": {Definition: "Adults receiving long-term support at the end of the quarter who live in a residential or nursing home.",
		Source: "Adult social care case management system"},
	"ASCH6": {Definition: "Permanent admissions of people aged 65 and over to residential and nursing care in the last 12 months, per 100,000 people of that age (ONS mid-year estimates).",
		Source: "Adult social care case management system; ONS population estimates"},
	"ASCH7": {Definition: "Older people discharged from hospital into reablement who were living at home 91 days later.",
		Source: "Adult social care case management system"},
	"EH01": {Definition: "New Education, Health and Care Plans issued in the quarter within 20 weeks of the request for an assessment, exceptions excluded.",
		Source: "SEN case management system", TargetRationale: "The 20-week limit is statutory; the target was set in the SEND improvement plan agreed with the Department for Education.",
		Quality: "poor", QualityNote: "A backlog of plans is being cleared oldest first, which lowers the figure while it lasts."},
	"SCS01": {Definition: "Case-holding social worker posts filled by permanent qualified social workers at the end of the quarter, of all case-holding posts.",
		Source: "HR establishment records"},
	"SCS03": {Definition: "Children looked after by the Council at the end of the quarter, per 10,000 children aged under 18 (ONS mid-year estimates).",
		Source: "Children's social care case management system"},
	"SCS04": {Definition: "Care leavers aged 19 to 21 the Council is in touch with who are in education, employment or training.",
		Source: "Children's social care case management system"},
	"SCS05": {Definition: "Referrals to children's social care in the quarter about a child referred before within the previous 12 months.",
		Source: "Children's social care case management system"},
	"SISE4": {Definition: "Schools in the county whose latest Ofsted inspection judged them Good or Outstanding, of all schools with a judgement.",
		Source: "Ofsted management information"},
	"NEET01": {Definition: "Young people aged 16 and 17 resident in the county who are not in education, employment or training, or whose activity is not known, averaged over December to February for the annual figure.",
		Source: "Client caseload information system"},
	"PH01": {Definition: "Eligible people aged 40 to 74 who received an NHS Health Check in the last 12 months.",
		Source: "Health Check provider returns"},
	"PH02": {Definition: "People who set a quit date with the Stop Smoking Service and had not smoked at four weeks, confirmed by a carbon monoxide test where possible.",
		Source: "Stop Smoking Service returns"},
	"PH03": {Definition: "First-time patients at the integrated sexual health clinics who were offered a full sexual health screen.",
		Source: "Sexual health provider returns"},
}

// writeMeaning writes a KPI's definition and the rest of its meaning, if the example has one.
func writeMeaning(b *strings.Builder, code string) {
	m, ok := meanings[code]
	if !ok {
		return
	}
	for _, kv := range []struct{ key, text string }{
		{"definition", m.Definition}, {"numerator", m.Numerator}, {"denominator", m.Denominator},
		{"source", m.Source}, {"target_rationale", m.TargetRationale},
	} {
		if kv.text != "" {
			fmt.Fprintf(b, "    %s: %s\n", kv.key, yamlText(kv.text, false))
		}
	}
	if m.Quality != "" {
		if m.QualityNote == "" {
			fmt.Fprintf(b, "    data_quality: {rating: %s}\n", m.Quality)
		} else {
			fmt.Fprintf(b, "    data_quality: {rating: %s, note: %s}\n", m.Quality, yamlText(m.QualityNote, true))
		}
	}
}

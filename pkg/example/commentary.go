package example

import "github.com/example/qpr/pkg/period"

// note is one row of a directorate's commentary sheet.
type note struct {
	Code             string
	Quarter          period.Quarter
	Context, Actions string
}

var (
	q1 = period.Quarter{Year: 2023, Q: 1}
	q2 = reportQuarter
)

// notes are written for every KPI rated red at 2023/24 Q2 and for others a reader will ask
// about, in the manner of the officers' commentary the committee reads. Wording is qualitative
// only: the figures themselves are in the data.
var notes = []note{
	{"GL01", q1, "Performance fell below the floor standard as the number of requests received rose while two experienced officers left the team.",
		"Recruitment to the vacant posts is under way and service areas have been reminded of their deadlines for supplying information."},
	{"GL01", q2, "Requests completed within 20 working days remain below the floor standard. Many requests need information held in several services and the approval of responses is taking longer than the time allowed.",
		"The approval process is being streamlined so that responses can be signed off at a lower level, and the team continues to keep requesters informed where a response will be late."},
	{"GL03", q1, "Most subject access requests relate to children's social care and ask for historic records held in paper case files.",
		"The Information Governance team is working with the Director of Children's Services on the resources needed to retrieve and review paper files."},
	{"GL03", q2, "Subject access requests completed in time remain below the floor standard. A backlog of requests for historic records held only in paper files, which must be found, scanned and reviewed by a social worker for third-party and sensitive information before release, continues to delay responses.",
		"Temporary staff have been engaged to scan and redact historic files, the oldest requests are being prioritised, and requesters are kept informed of progress and of the expected date of their response."},
	{"CS01", q2, "The call answer rate fell because of high levels of staff sickness at the Contact Centre and the time advisors spent in training, at a time of sustained demand about the Blue Badge scheme.",
		"Work continues with the contact-centre provider to recruit and upskill additional advisors, and to improve response times without compromising the quality of answers; Blue Badge information on the website is being rewritten to reduce repeat calls."},
	{"CS06", q2, "Complaints responded to in time improved and are back above the floor standard, although older cases in the Special Educational Needs service continue to affect the closure of new cases.",
		"An action plan to reduce the SEN complaints backlog is in place; response times in some Adult Social Care localities are being monitored weekly."},
	{"ICT01", q2, "First-contact resolution rose above target following the introduction of the self-service password reset and the new Help Desk knowledge base.",
		""},
	{"HT01", q2, "Only July and August figures are available at the time of reporting; September's are not yet validated, so the quarter shows two months. Repairs are completed promptly once programmed, but reports are being received faster than crews can attend after a wet summer, and the figure does not yet reflect the work completed at the end of the quarter.",
		"Additional find-and-fix gangs have been deployed in the worst affected districts, and residents continue to be encouraged to report defects through the online reporting tool, which sends reports straight to the crews."},
	{"WM01", q2, "Recycling data are reported a quarter in arrears once district councils' returns have been validated; the figure shown is for the quarter to June 2023.",
		""},
	{"WM02", q2, "Landfill rose above target while one of the energy-from-waste plants was closed for planned maintenance and waste was diverted.",
		"The plant has returned to service and diversion to landfill has stopped."},
	{"ASCH2", q1, "Demand for Care Needs Assessments continues to exceed the capacity of assessment teams.",
		"Trusted assessors from partner organisations are being trained to complete straightforward assessments."},
	{"ASCH2", q2, "Care Needs Assessments completed within 28 days remain below the floor standard because demand continues to exceed the capacity of assessment teams, several of which carry vacancies.",
		"Recruitment and retention of social care practitioners remains the priority; new referrals are triaged so that the most urgent assessments are completed first, and people waiting are contacted regularly."},
	{"ASCH4", q2, "Reviews of long-term support remain below the floor standard as staff have been redeployed to assessments and hospital discharge.",
		"A dedicated reviewing team has been established, starting with people whose support has not been reviewed for the longest time."},
	{"ASCH5", q2, "The proportion of people supported in residential or nursing care has fallen back within the floor standard as more people are supported to live at home.",
		""},
	{"EH01", q1, "Performance remains well below target while the service clears the backlog of older assessments.",
		"Additional educational psychology capacity has been commissioned to complete outstanding advice."},
	{"EH01", q2, "The percentage of EHCPs issued within 20 weeks is expected to remain below target while the service prioritises the backlog of older cases for the children and families who have waited longest; in many of these the 20-week timescale had already been exceeded.",
		"New working practices and additional case officers are in place to reduce the backlog and improve the service's ability to manage new requests within timescale."},
	{"SCS01", q2, "The percentage of case-holding posts filled by permanent qualified social workers decreased slightly and is now below the floor standard, reflecting the national shortage of experienced social workers.",
		"Management action is in place: a recruitment campaign with an enhanced relocation package, a retention payment for experienced practitioners, and a larger cohort of newly qualified social workers supported through their first year."},
	{"SCS03", q2, "Fewer children are in the Council's care again this quarter, as social workers and Early Help workers support more children to stay safely with their families.",
		""},
	{"SISE4", q2, "The percentage of schools judged Good or Outstanding remains below target but well above the national average.",
		"School improvement advisers are working with each school judged Requires Improvement ahead of its next inspection."},
	{"PH02", q2, "Four-week quit rates remain below the floor standard. Fewer people are setting a quit date with the service and a higher proportion of those who do are heavy smokers referred from hospital.",
		"The Stop Smoking Service contract is being reviewed with providers, and the Public Health KPIs are being reviewed to ensure they focus on the areas of greatest challenge."},
	{"PH03", q2, "The offer of a full sexual health screen to first-time patients fell below target at two clinics while staff vacancies were covered.",
		"The provider has recruited to the vacant posts and is auditing the offer of screens at every clinic."},
}

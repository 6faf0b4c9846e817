package example

import "github.com/example/qpr/pkg/catalogue"

const (
	higher    = catalogue.Higher
	lower     = catalogue.Lower
	percent   = catalogue.Percent
	number    = catalogue.Number
	days      = catalogue.Days
	currency  = catalogue.Currency
	rate      = catalogue.Rate
	monthly   = catalogue.Monthly
	quarterly = catalogue.Quarterly
)

// want spells an outlook compactly: ragQ1 ragQ2 trendQ1 trendQ2 as G/A/R and I/S/W.
func want(s string) outlook {
	rag := map[byte]string{'G': "green", 'A': "amber", 'R': "red"}
	dir := map[byte]string{'I': "improving", 'S': "stable", 'W': "worsening"}
	return outlook{RAGQ1: rag[s[0]], RAGQ2: rag[s[1]], TrendQ1: dir[s[2]], TrendQ2: dir[s[3]]}
}

// kpis are the 38 KPIs of the Quarterly Performance Report, in catalogue order. Their outlooks
// add up to the published summary: at 2023/24 Q2 15 green, 15 amber, 8 red, 7 improving,
// 19 stable, 12 worsening; at Q1 16 green, 11 amber, 11 red, 4 improving, 24 stable,
// 10 worsening.
var kpis = []kpi{
	// Chief Executive's Department: Finance, Governance and Law.
	{Code: "FN01", Name: "Percentage of invoices received by Accounts Payable paid within 30 days",
		Description: "Undisputed invoices from suppliers paid within 30 days of receipt, as the Public Contracts Regulations require.",
		Directorate: "CED", Polarity: higher, Unit: percent, Now: thresholds{90, 85}, Scale: 2.5,
		Want: want("AGSI"), Sheet: "KPIs"},
	{Code: "FN02", Name: "Percentage of sundry debt due to the Council recovered within 60 days",
		Directorate: "CED", Polarity: higher, Unit: percent, Now: thresholds{75, 70}, Scale: 3,
		Want: want("RAII"), Sheet: "KPIs"},
	{Code: "FN05", Name: "Value of sundry debt due to the Council more than six months old",
		Description: "Includes debt owed by people receiving adult social care, which is recovered with care for their circumstances.",
		Directorate: "CED", Polarity: lower, Unit: currency, Now: thresholds{2500000, 3000000}, Scale: 180000,
		Want: want("AASS"), Sheet: "KPIs"},
	{Code: "FN06", Name: "Average number of days taken to pay suppliers' invoices",
		Directorate: "CED", Polarity: lower, Unit: days, Decimals: 1, Now: thresholds{20, 25}, Scale: 1.5, Max: 40,
		Want: want("GGSS"), Sheet: "KPIs"},
	{Code: "GL01", Name: "Percentage of Freedom of Information and Environmental Information Regulations requests completed within 20 working days",
		Directorate: "CED", Polarity: higher, Unit: percent, Now: thresholds{92, 90}, Scale: 3,
		Want: want("RRWW"), Sheet: "KPIs"},
	{Code: "GL03", Name: "Percentage of Data Protection Act subject access requests completed within statutory timescales",
		Description: "Subject access requests answered within one month, or three months where the law allows an extension for complex requests.",
		Directorate: "CED", Polarity: higher, Unit: percent, Now: thresholds{90, 85}, Scale: 4,
		Want: want("RRWW"), Sheet: "KPIs"},

	// Deputy Chief Executive's Department: Customer Services, Human Resources, ICT.
	{Code: "CS01", Name: "Percentage of calls to the Contact Centre answered",
		Description: "Calls to the Council's Contact Centre, answered by an advisor; monthly figures, the quarter is their mean.",
		Directorate: "DCED", Polarity: higher, Unit: percent, Frequency: monthly, Aggregate: catalogue.Mean,
		Before: &thresholds{85, 80}, Now: thresholds{85, 75}, Scale: 3,
		Want: want("AAWW"), Sheet: "Monthly"},
	{Code: "CS02", Name: "Percentage of callers to the Contact Centre who rated the advisor who dealt with their call as good",
		Directorate: "DCED", Polarity: higher, Unit: percent, Now: thresholds{97, 90}, Scale: 0.8,
		TrendMethod: "spc", Want: want("GGSS"), Sheet: "Quarterly"},
	{Code: "CS06", Name: "Percentage of complaints responded to within timescale",
		Directorate: "DCED", Polarity: higher, Unit: percent, Now: thresholds{85, 80}, Scale: 3,
		Want: want("RASI"), Sheet: "Quarterly"},
	{Code: "HR09", Name: "Percentage of training evaluated by participants as having delivered its intended outcomes",
		Directorate: "DCED", Polarity: higher, Unit: percent, Now: thresholds{95, 90}, Scale: 1,
		Want: want("GGSS"), Sheet: "Quarterly"},
	{Code: "HR13", Name: "Working days lost to sickness per full-time equivalent employee (rolling 12 months)", Basis: catalogue.BasisRolling12,
		Description: "Each month's figure covers the twelve months to its end, so the quarter takes its last month.",
		Directorate: "DCED", Polarity: lower, Unit: days, Decimals: 2, Frequency: monthly, Aggregate: catalogue.Last,
		Before: &thresholds{7.5, 8.5}, Now: thresholds{7.25, 8.0}, Scale: 0.25, Max: 12,
		Want: want("GASW"), Sheet: "Monthly"},
	{Code: "ICT01", Name: "Percentage of calls to the ICT Help Desk resolved at the first point of contact",
		Directorate: "DCED", Polarity: higher, Unit: percent, Now: thresholds{70, 65}, Scale: 2.5,
		Want: want("RGII"), Sheet: "Quarterly"},
	{Code: "ICT02", Name: "Percentage of positive feedback ratings for the ICT service",
		Directorate: "DCED", Polarity: higher, Unit: percent, Now: thresholds{95, 90}, Scale: 1,
		Want: want("GGSS"), Sheet: "Quarterly"},

	// Growth, Environment and Transport: Highways, Waste, Planning.
	{Code: "HT01", Name: "Percentage of routine pothole repairs completed within 28 calendar days",
		Description: "Monthly figures from the highways works system; the quarter is the mean of the months reported so far.",
		Directorate: "GET", Polarity: higher, Unit: percent, Frequency: monthly, Aggregate: catalogue.Mean,
		Now: thresholds{90, 80}, Scale: 4, Want: want("ARSW"), Partial: true, Sheet: "csv"},
	{Code: "HT02", Name: "Percentage of routine highway faults reported by residents completed within 28 calendar days",
		Directorate: "GET", Polarity: higher, Unit: percent, Now: thresholds{90, 80}, Scale: 2.5,
		Want: want("GGSS"), Sheet: "Highways"},
	{Code: "HT04", Name: "Percentage of customers satisfied with routine highway service delivery (100 Call Back survey)",
		Directorate: "GET", Polarity: higher, Unit: percent, Now: thresholds{85, 75}, Scale: 3,
		Want: want("AAWS"), Sheet: "Highways"},
	{Code: "HT08", Name: "Percentage of emergency highway incidents attended within 2 hours",
		Directorate: "GET", Polarity: higher, Unit: percent, Now: thresholds{98, 95}, Scale: 0.6,
		Want: want("GGSS"), Sheet: "Highways"},
	{Code: "HT12", Name: "Percentage of streetlight faults repaired within 28 calendar days",
		Directorate: "GET", Polarity: higher, Unit: percent, Now: thresholds{90, 80}, Scale: 2.5,
		Want: want("GGSS"), Sheet: "Highways"},
	{Code: "WM01", Name: "Percentage of municipal waste recycled or composted (rolling 12 months)", Basis: catalogue.BasisRolling12,
		Description: "Reported a quarter in arrears, once district councils' returns are validated.",
		Directorate: "GET", Polarity: higher, Unit: percent, Decimals: 1, Now: thresholds{50, 45}, Scale: 1,
		Want: want("GGSS"), Stale: true, Sheet: "Waste and Planning"},
	{Code: "WM02", Name: "Percentage of municipal waste sent to landfill (rolling 12 months)", Basis: catalogue.BasisRolling12,
		Directorate: "GET", Polarity: lower, Unit: percent, Decimals: 1, Now: thresholds{1, 2}, Scale: 0.3, Max: 6,
		Want: want("GASW"), Sheet: "Waste and Planning"},
	{Code: "EPE14", Name: "Percentage of county matter planning applications determined within 13 weeks or an agreed extension",
		Directorate: "GET", Polarity: higher, Unit: percent, Now: thresholds{90, 80}, Scale: 2.5,
		Want: want("GGSI"), Sheet: "Waste and Planning"},

	// Adult Social Care and Health.
	{Code: "ASCH1", Name: "Percentage of people whose contact with adult social care was resolved who contact it again within 3 months",
		Directorate: "ASCH", Polarity: lower, Unit: percent, Decimals: 1, Now: thresholds{9, 12}, Scale: 0.8, Max: 25,
		Want: want("GGSS"), Sheet: "Percentages"},
	{Code: "ASCH2", Name: "Percentage of new Care Needs Assessments completed within 28 days",
		Directorate: "ASCH", Polarity: higher, Unit: percent, Now: thresholds{90, 70}, Scale: 4,
		Want: want("RRWW"), Sheet: "Percentages"},
	{Code: "ASCH3", Name: "Percentage of people receiving long-term community support who receive Direct Payments",
		Directorate: "ASCH", Polarity: higher, Unit: percent, Decimals: 1, Now: thresholds{30, 24}, Scale: 1,
		Want: want("AASS"), Sheet: "Percentages"},
	{Code: "ASCH4", Name: "Percentage of people receiving long-term support who have been reviewed in the last 12 months",
		Directorate: "ASCH", Polarity: higher, Unit: percent, Before: &thresholds{80, 70}, Now: thresholds{80, 65}, Scale: 3,
		Want: want("RRWW"), Sheet: "Percentages"},
	{Code: "ASCH5", Name: "Percentage of adults receiving long-term support who are in residential or nursing care",
		Directorate: "ASCH", Polarity: lower, Unit: percent, Decimals: 1, Now: thresholds{32, 35}, Scale: 0.7,
		Want: want("RASI"), Sheet: "Percentages"},
	{Code: "ASCH6", Name: "Permanent admissions to residential and nursing care of people aged 65 and over, per 100,000 population (rolling 12 months)", Basis: catalogue.BasisRolling12,
		Directorate: "ASCH", Polarity: lower, Unit: rate, Decimals: 1, Now: thresholds{560, 620}, Scale: 20,
		Want: want("AASS"), Sheet: "Rates"},
	{Code: "ASCH7", Name: "Percentage of older people still at home 91 days after discharge from hospital into reablement",
		Directorate: "ASCH", Polarity: higher, Unit: percent, Now: thresholds{82, 75}, Scale: 1.5,
		Want: want("GGSS"), Sheet: "Percentages"},

	// Children, Young People and Education.
	{Code: "EH01", Name: "Percentage of Education, Health and Care Plans (EHCPs) issued within 20 weeks",
		Description: "New plans issued within the statutory 20 weeks, excluding exceptions.",
		Directorate: "CYPE", Polarity: higher, Unit: percent, Before: &thresholds{60, 50}, Now: thresholds{60, 40}, Scale: 5,
		Want: want("RRWW"), Sheet: "Dashboard"},
	{Code: "SCS01", Name: "Percentage of case-holding posts filled by permanent qualified social workers",
		Directorate: "CYPE", Polarity: higher, Unit: percent, Now: thresholds{85, 75}, Scale: 1.5,
		Want: want("ARWW"), Sheet: "Dashboard"},
	{Code: "SCS03", Name: "Children in care per 10,000 children aged under 18",
		Description: "The Council's own children in care; unaccompanied asylum-seeking children are counted separately.",
		Directorate: "CYPE", Polarity: lower, Unit: rate, Decimals: 1, Now: thresholds{47, 50}, Scale: 0.8,
		Want: want("RAII"), Sheet: "Dashboard"},
	{Code: "SCS04", Name: "Percentage of care leavers aged 19 to 21 in education, employment or training",
		Directorate: "CYPE", Polarity: higher, Unit: percent, Now: thresholds{65, 55}, Scale: 2.5,
		Want: want("GGIS"), Sheet: "Dashboard"},
	{Code: "SCS05", Name: "Percentage of referrals to children's social care that are repeat referrals within 12 months",
		Directorate: "CYPE", Polarity: lower, Unit: percent, Decimals: 1, Now: thresholds{22, 25}, Scale: 0.8,
		Want: want("AAWS"), Sheet: "Dashboard"},
	{Code: "SISE4", Name: "Percentage of all schools with Good or Outstanding Ofsted judgements",
		Directorate: "CYPE", Polarity: higher, Unit: percent, Now: thresholds{90, 85}, Scale: 0.5,
		Want: want("AASS"), Sheet: "Dashboard"},
	{Code: "NEET01", Name: "Percentage of 16 and 17 year olds not in education, employment or training (NEET)",
		Directorate: "CYPE", Polarity: lower, Unit: percent, Decimals: 1, Now: thresholds{2.5, 3.5}, Scale: 0.25, Max: 8,
		Want: want("AASS"), Sheet: "Dashboard"},

	// Public Health.
	{Code: "PH01", Name: "Number of eligible people aged 40 to 74 receiving an NHS Health Check (rolling 12 months)", Basis: catalogue.BasisRolling12,
		Directorate: "PH", Polarity: higher, Unit: number, Now: thresholds{30000, 27000}, Scale: 1200,
		Want: want("GGSS"), Sheet: "Data"},
	{Code: "PH02", Name: "Percentage of people setting a quit date with Stop Smoking Services who have quit at 4 weeks",
		Directorate: "PH", Polarity: higher, Unit: percent, Now: thresholds{52, 45}, Scale: 2.5,
		Want: want("RRSW"), Sheet: "Data"},
	{Code: "PH03", Name: "Percentage of first-time patients at sexual health clinics offered a full sexual health screen",
		Directorate: "PH", Polarity: higher, Unit: percent, Decimals: 1, Now: thresholds{92, 90}, Scale: 0.8,
		Want: want("GAWW"), Sheet: "Data"},
}

// activities are the indicators with an expected range, shown beside the KPIs.
var activities = []activity{
	{Code: "CS04", Name: "Calls received by the Contact Centre", Directorate: "DCED", Unit: number,
		Frequency: monthly, Aggregate: catalogue.Sum, Level: 39000, Growth: -0.008, Want: "within", Sheet: "Monthly"},
	{Code: "CS05", Name: "Visits to the Council's website", Directorate: "DCED", Unit: number,
		Level: 1850000, Growth: 0.02, Want: "above", Sheet: "Quarterly"},
	{Code: "HT07", Name: "Highway enquiries raised for action", Directorate: "GET", Unit: number,
		Level: 31000, Growth: 0.005, Want: "within", Sheet: "Highways"},
	{Code: "WM04", Name: "Tonnes of municipal waste collected (rolling 12 months)", Basis: catalogue.BasisRolling12, Directorate: "GET", Unit: number,
		Level: 705000, Growth: -0.003, Want: "within", Sheet: "Waste and Planning"},
	{Code: "ASCH8", Name: "Contacts received by adult social care", Directorate: "ASCH", Unit: number,
		Level: 19500, Growth: 0.01, Want: "within", Sheet: "Rates"},
	{Code: "SCS15", Name: "Referrals to children's social care", Directorate: "CYPE", Unit: number,
		Level: 5200, Growth: 0.004, Want: "within", Sheet: "Dashboard"},
	{Code: "PH05", Name: "People setting a quit date with Stop Smoking Services", Directorate: "PH", Unit: number,
		Level: 1750, Growth: -0.012, Want: "below", Sheet: "Data"},
}

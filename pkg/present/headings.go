package present

// The headings of a report's sections and of an indicator's parts, and the sentences said
// where a part is empty: the same in the PDF's contents and bookmarks and in the HTML
// edition's headings and contents.
const (
	ContentsTitle      = "Contents"
	KeyTitle           = "Key to ratings and direction of travel"
	SummaryTitle       = "Executive summary"
	CountsTitle        = "Ratings and direction of travel against the previous quarter"
	ByDirectorateTitle = "Ratings by directorate"
	GridTitle          = "Ratings over the last five quarters"
	RedTitle           = "KPIs rated Red and management action"
	StaleTitle         = "Values from an earlier or part quarter"

	DirectionHeading  = "Direction of travel"
	ProjectionHeading = "Projection"
	ContextHeading    = "Context"
	ActionsHeading    = "Management action"

	AllDirectorates  = "All directorates"
	NoIndicatorsText = "This pack has no indicators from this directorate."
	NoHistoryText    = "No earlier quarters are available."
)

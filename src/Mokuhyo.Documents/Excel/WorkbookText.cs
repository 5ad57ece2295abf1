using System.Globalization;
using System.Resources;

namespace Mokuhyo.Documents.Excel;

/// <summary>The words the workbook and its import write for people, read from WorkbookText.resx (Japanese).</summary>
public static class WorkbookText
{
    private static readonly ResourceManager Resources = new("Mokuhyo.Documents.Excel.WorkbookText", typeof(WorkbookText).Assembly);

    /// <summary>The Japanese of the resource file is the neutral language; a culture-specific file may translate it.</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text '{key}' in WorkbookText.resx.");

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>Names of the resources, so that a misspelt one fails to compile.</summary>
    public static class Keys
    {
        public const string LocationCell = "Location.Cell";
        public const string LocationRow = "Location.Row";
        public const string LocationSheet = "Location.Sheet";
        public const string FileEmpty = "File.Empty";
        public const string FileTooLarge = "File.TooLarge";
        public const string FileOldExcel = "File.OldExcel";
        public const string FileNotXlsx = "File.NotXlsx";
        public const string FileUnreadable = "File.Unreadable";
        public const string FileNotWorkbook = "File.NotWorkbook";
        public const string FileTooManyEntries = "File.TooManyEntries";
        public const string FileTooLargeUncompressed = "File.TooLargeUncompressed";
        public const string FileCompressionRatio = "File.CompressionRatio";
        public const string FileEntrySizeMismatch = "File.EntrySizeMismatch";
        public const string TemplateSheetMissing = "Template.SheetMissing";
        public const string TemplateHeaderMismatch = "Template.HeaderMismatch";
        public const string TemplateHeaderMissing = "Template.HeaderMissing";
        public const string TemplateExtraColumn = "Template.ExtraColumn";
        public const string TemplateLabelMismatch = "Template.LabelMismatch";
        public const string TemplateMarkerMismatch = "Template.MarkerMismatch";
        public const string TemplateVersionMismatch = "Template.VersionMismatch";
        public const string TemplateTooManyRows = "Template.TooManyRows";
        public const string TemplateFormula = "Template.Formula";
        public const string TemplateNoDepartments = "Template.NoDepartments";
        public const string ContextMunicipalityUnknown = "Context.MunicipalityUnknown";
        public const string ContextYearUnknown = "Context.YearUnknown";
        public const string ContextFormatInvalid = "Context.FormatInvalid";
        public const string ContextPhaseUnknown = "Context.PhaseUnknown";
        public const string ContextMunicipalityMismatch = "Context.MunicipalityMismatch";
        public const string ContextYearMismatch = "Context.YearMismatch";
        public const string ContextPhaseMismatch = "Context.PhaseMismatch";
        public const string ValueRequired = "Value.Required";
        public const string ValueNotDecimal = "Value.NotDecimal";
        public const string ValueNotNumber = "Value.NotNumber";
        public const string ValueNotDate = "Value.NotDate";
        public const string ValueTooManyDecimals = "Value.TooManyDecimals";
        public const string ValueOutOfRange = "Value.OutOfRange";
        public const string ValueTooLong = "Value.TooLong";
        public const string ValueLineTooLong = "Value.LineTooLong";
        public const string ValueErrorValue = "Value.ErrorValue";
        public const string ValueBoolean = "Value.Boolean";
        public const string ValueInvalidChoice = "Value.InvalidChoice";
        public const string RefUnknownDepartment = "Ref.UnknownDepartment";
        public const string RefNotReportingUnit = "Ref.NotReportingUnit";
        public const string RefDepartmentNotListed = "Ref.DepartmentNotListed";
        public const string RefUnknownUnit = "Ref.UnknownUnit";
        public const string RefUnknownSection = "Ref.UnknownSection";
        public const string RefUnknownGoal = "Ref.UnknownGoal";
        public const string DupDepartment = "Dup.Department";
        public const string DupGoal = "Dup.Goal";
        public const string DupIndicator = "Dup.Indicator";
        public const string DupBlock = "Dup.Block";
        public const string DupPlanItem = "Dup.PlanItem";
        public const string DupCoUnit = "Dup.CoUnit";
        public const string RuleCoUnitIsLead = "Rule.CoUnitIsLead";
        public const string RuleTargetOnlyNumeric = "Rule.TargetOnlyNumeric";
        public const string RuleDirectionRequired = "Rule.DirectionRequired";
        public const string RuleNeedsTarget = "Rule.NeedsTarget";
        public const string RuleAsOfNeedsValue = "Rule.AsOfNeedsValue";
        public const string ErrorsTooMany = "Errors.TooMany";
        public const string WriteConflict = "Write.Conflict";
        public const string WriteFailed = "Write.Failed";
        public const string NoticeGoalDeleted = "Notice.GoalDeleted";
        public const string NoticeSummary = "Notice.Summary";
        public const string SheetTitle = "Sheet.Title";
        public const string SheetAbout = "Sheet.About";
        public const string ValidationTitle = "Validation.Title";
        public const string ValidationChoice = "Validation.Choice";
        public const string MappedSheetMissing = "Mapped.SheetMissing";
        public const string MappedHeaderRowInvalid = "Mapped.HeaderRowInvalid";
        public const string MappedFieldNotMapped = "Mapped.FieldNotMapped";
        public const string MappedHeaderNotFound = "Mapped.HeaderNotFound";
        public const string MappedHeaderTwice = "Mapped.HeaderTwice";
        public const string MappedUnknownDepartment = "Mapped.UnknownDepartment";
        public const string MappedUnknownUnit = "Mapped.UnknownUnit";
        public const string MappedAmbiguousUnit = "Mapped.AmbiguousUnit";
        public const string MappedGoalExists = "Mapped.GoalExists";
        public const string MappedGoalTitleDiffers = "Mapped.GoalTitleDiffers";
        public const string MappedNoRows = "Mapped.NoRows";
        public const string MappedFieldDepartment = "Mapped.Field.Department";
        public const string MappedFieldLeadUnit = "Mapped.Field.LeadUnit";
        public const string MappedFieldGoalNumber = "Mapped.Field.GoalNumber";
        public const string MappedFieldGoalTitle = "Mapped.Field.GoalTitle";
        public const string MappedFieldIndicatorName = "Mapped.Field.IndicatorName";
        public const string MappedFieldBaseline = "Mapped.Field.Baseline";
        public const string MappedFieldTarget = "Mapped.Field.Target";
        public const string MappedFieldUnit = "Mapped.Field.Unit";
        public const string MappedFieldDirection = "Mapped.Field.Direction";
        public const string MappedFieldDue = "Mapped.Field.Due";
        public const string MappedFieldPlanReferences = "Mapped.Field.PlanReferences";
        public const string RefUnknownField = "Ref.UnknownField";
        public const string DupField = "Dup.Field";
        public const string MappedFieldOtherPhase = "Mapped.FieldOtherPhase";
        public const string MappedFieldDiffers = "Mapped.FieldDiffers";
    }
}

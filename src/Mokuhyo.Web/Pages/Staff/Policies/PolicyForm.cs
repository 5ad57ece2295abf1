using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Policies;

namespace Mokuhyo.Web.Pages.Staff.Policies;

/// <summary>The form of a node of the higher plans.</summary>
public sealed class PolicyNodeFormInput
{
    public Guid? ParentId { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public int? ValidFrom { get; set; }

    public int? ValidTo { get; set; }

    public long Version { get; set; }

    public static PolicyNodeFormInput From(PolicyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new() { ParentId = node.ParentId, Code = node.Code, Name = node.Name, ValidFrom = node.ValidFrom, ValidTo = node.ValidTo, Version = node.Version };
    }

    /// <summary>Checks the form; the code is checked only when it is entered (a new node).</summary>
    public PolicyNodeInput? Validate(bool withCode, ModelStateDictionary modelState, IStringLocalizer<TenancyText> text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var code = Code?.Trim() ?? "";
        if (withCode && code.Length == 0)
        {
            modelState.AddModelError("Input.Code", text["Error.Required", text["Policies.Code"]]);
        }
        else if (withCode && !PolicyTree.IsValidCode(code))
        {
            modelState.AddModelError("Input.Code", text["Policies.Error.CodeFormat", code]);
        }

        Admin.Municipalities.MunicipalityForm.CheckText(Name, required: true, "Input.Name", "Policies.Name", modelState, text);
        if (ValidFrom is not { } from || from is < FiscalYear.MinStartYear or > FiscalYear.MaxStartYear)
        {
            modelState.AddModelError("Input.ValidFrom", text["Policies.Error.Year", text["Policies.ValidFrom"], FiscalYear.MinStartYear, FiscalYear.MaxStartYear]);
        }
        else if (ValidTo is { } to && (to < FiscalYear.MinStartYear || to > FiscalYear.MaxStartYear))
        {
            modelState.AddModelError("Input.ValidTo", text["Policies.Error.Year", text["Policies.ValidTo"], FiscalYear.MinStartYear, FiscalYear.MaxStartYear]);
        }
        else if (ValidTo is { } end && end < from)
        {
            modelState.AddModelError("Input.ValidTo", text["Policies.Error.YearOrder"]);
        }

        return modelState.IsValid ? new PolicyNodeInput(code, Name!.Trim(), ValidFrom!.Value, ValidTo) : null;
    }

    public static void AddOutcome(PolicySaveOutcome outcome, string? code, ModelStateDictionary modelState, IStringLocalizer<TenancyText> text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        switch (outcome)
        {
            case PolicySaveOutcome.CodeTaken:
                modelState.AddModelError("Input.Code", text["Policies.Error.CodeTaken", code ?? ""]);
                break;
            case PolicySaveOutcome.TooDeep:
                modelState.AddModelError("Input.ParentId", text["Policies.Error.TooDeep"]);
                break;
            case PolicySaveOutcome.NotFound:
                modelState.AddModelError("Input.ParentId", text["Policies.Error.Parent"]);
                break;
            case PolicySaveOutcome.InUse:
                modelState.AddModelError(string.Empty, text["Policies.Error.InUse"]);
                break;
            case PolicySaveOutcome.Conflict:
                modelState.AddModelError(string.Empty, text["Error.Conflict"]);
                break;
        }
    }

    /// <summary>Nodes in tree order with their depth.</summary>
    public static IEnumerable<(PolicyNode Node, int Depth)> InTreeOrder(IReadOnlyList<PolicyNode> nodes, Guid? parent = null, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes.Where(n => n.ParentId == parent))
        {
            yield return (node, depth);
            foreach (var child in InTreeOrder(nodes, node.Id, depth + 1))
            {
                yield return child;
            }
        }
    }
}

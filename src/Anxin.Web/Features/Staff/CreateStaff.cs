using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

public sealed record CreateStaffRequest(string? WorkNumber, string? Name, Guid? OrgNodeId, string? Position, string? Mobile,
    string? IdNumber, string? Email, string? UserName, string? InitialPassword, IReadOnlyList<string>? Roles, string? InsurerCode = null);

/// <summary>
/// Adds a member of staff with a sign-in account: the staff row, the user (who must
/// change the initial password) and the roles are saved in one transaction, or nothing is.
/// With <see cref="CreateStaffRequest.InsurerCode"/> the account belongs to a commissioning insurer
/// and sees only its data; an insurer's own administrators can only create accounts of it.
/// </summary>
public sealed class CreateStaffHandler(AnxinDbContext db, UserManager<ApplicationUser> users, CurrentUser me, GetStaffHandler get, TimeProvider time)
{
    public const int MaxPasswordLength = 128;
    public const int MaxUserNameLength = 64;

    public async Task<Result<StaffDetail>> HandleAsync(CreateStaffRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(request.WorkNumber), request.WorkNumber);
        errors.Required(nameof(request.Name), request.Name);
        errors.Required(nameof(request.UserName), request.UserName);
        errors.Required(nameof(request.InitialPassword), request.InitialPassword);
        if (request.OrgNodeId is null)
        {
            errors.Add(nameof(request.OrgNodeId), ValidationCodes.Required);
        }

        var mobile = errors.Optional(nameof(request.Mobile), request.Mobile, MobileNumber.Create);
        var idNumber = errors.Optional(nameof(request.IdNumber), request.IdNumber, ResidentIdNumber.Create);
        var userName = request.UserName?.Trim();
        if (userName is { Length: > MaxUserNameLength })
        {
            errors.Add(nameof(request.UserName), "Validation.TooLong");
        }

        if (request.InitialPassword is { Length: > MaxPasswordLength })
        {
            errors.Add(nameof(request.InitialPassword), "Validation.TooLong");
        }

        var roles = StaffRoles.Validate(request.Roles, nameof(request.Roles), errors);
        var insurerId = await StaffInsurers.ResolveAsync(db, me, request.InsurerCode, nameof(request.InsurerCode), errors, ct);
        var node = request.OrgNodeId is { } nodeId ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (request.OrgNodeId is not null && node is null)
        {
            errors.Add(nameof(request.OrgNodeId), "Staff.OrgNodeNotFound");
        }

        if (errors.Any)
        {
            return Result<StaffDetail>.Invalid(errors.All);
        }

        if (roles.Contains(RoleCodes.Administrator) && !me.Has(Permissions.Roles.Manage))
        {
            return Result<StaffDetail>.Fail(Result.Forbidden());
        }

        var workNumber = request.WorkNumber!.Trim();
        if (await db.Staff.AnyAsync(s => s.WorkNumber == workNumber, ct))
        {
            errors.Add(nameof(request.WorkNumber), "Staff.WorkNumberTaken");
        }

        if (await users.FindByNameAsync(userName!) is not null)
        {
            errors.Add(nameof(request.UserName), "Account.DuplicateUserName");
        }

        if (errors.Any)
        {
            return Result<StaffDetail>.Invalid(errors.All);
        }

        StaffMember staff;
        try
        {
            staff = StaffMember.Create(workNumber, request.Name!, node!);
            staff.UpdateContact(request.Position, mobile, idNumber, request.Email);
        }
        catch (DomainException e)
        {
            return Result<StaffDetail>.From(e);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Staff.Add(staff);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index saw a work number taken outside this user's scope (or just now).
            return await FailAsync(tx, Result.Invalid(nameof(request.WorkNumber), "Staff.WorkNumberTaken"), ct);
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = staff.Name,
            StaffId = staff.Id,
            MustChangePassword = true,
            InsurerId = insurerId,
        };
        var created = await users.CreateAsync(user, request.InitialPassword!);
        if (!created.Succeeded)
        {
            return await FailAsync(tx, Result.Invalid(StaffRoles.IdentityErrors(created, nameof(request.InitialPassword), nameof(request.UserName))), ct);
        }

        if (roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                return await FailAsync(tx, Result.Invalid(nameof(request.Roles), "Staff.UnknownRole"), ct);
            }
        }

        var insurerNote = request.InsurerCode is { Length: > 0 } && insurerId is not null ? " insurer=" + request.InsurerCode.Trim().ToUpperInvariant() : string.Empty;
        db.AddAuditEvent("StaffCreated", nameof(StaffMember), staff.Id, $"{staff.WorkNumber} {user.UserName}{insurerNote}", staff.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await get.HandleAsync(staff.Id, ct))!;
    }

    private async Task<Result<StaffDetail>> FailAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, Result failure, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return Result<StaffDetail>.Fail(failure);
    }
}

/// <summary>Role checks shared by create and edit.</summary>
public static class StaffRoles
{
    public static List<string> Validate(IReadOnlyList<string>? requested, string field, FieldErrors errors)
    {
        var roles = (requested ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Any(r => !RoleCodes.All.Contains(r, StringComparer.Ordinal)))
        {
            errors.Add(field, "Staff.UnknownRole");
        }

        return roles;
    }

    /// <summary>Identity's errors as field errors: password policy on the password, names on the user name.</summary>
    public static IReadOnlyList<FieldError> IdentityErrors(IdentityResult result, string passwordField, string userNameField) =>
        result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new FieldError(passwordField, "Password.RequiresDigit"),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => new FieldError(passwordField, "Password.RequiresLower"),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new FieldError(passwordField, "Password.RequiresUpper"),
            nameof(IdentityErrorDescriber.DuplicateUserName) => new FieldError(userNameField, "Account.DuplicateUserName"),
            nameof(IdentityErrorDescriber.InvalidUserName) => new FieldError(userNameField, "Staff.UserName.Format"),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new FieldError(passwordField, "Password.Policy"),
            _ => new FieldError(string.Empty, "Error.Validation"),
        }).Distinct().ToList();
}

/// <summary>
/// The commissioning insurer of a new account or key: blank or OWN for none; an actor who
/// belongs to an insurer can only give out their own insurer (a blank gets it too).
/// </summary>
public static class StaffInsurers
{
    public static async Task<Guid?> ResolveAsync(AnxinDbContext db, CurrentUser me, string? code, string field, FieldErrors errors, CancellationToken ct)
    {
        var insurers = await Policies.InsurerDirectory.LoadAsync(db, ct);
        return insurers.Resolve(code, me.InsurerScope, field, errors);
    }
}

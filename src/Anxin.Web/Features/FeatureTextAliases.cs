// Each feature's localizer: its own strings first, then the shared ones (see FeatureText).
global using AdminMessages = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.AdminText>;
global using CaseLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.CaseText>;
global using ClaimLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.ClaimText>;
global using CustomerLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.CustomerText>;
global using StaffLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.StaffText>;

// Each feature's localizer: its own strings first, then the shared ones (see FeatureText).
global using AdminMessages = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.AdminText>;
global using CaseLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.CaseText>;
global using CallLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.CallText>;
global using PolicyLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.PolicyText>;
global using CustomerLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.CustomerText>;
global using StaffLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.StaffText>;
global using DispatchLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.DispatchText>;
global using ServiceLocalizer = Anxin.Web.Infrastructure.Localization.FeatureText<Anxin.Web.Resources.ServiceText>;

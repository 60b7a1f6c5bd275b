global using Linli.Platform.Localization;
global using Microsoft.EntityFrameworkCore;

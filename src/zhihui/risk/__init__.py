"""Risk assessment of customer actions (servicing applications, counter actions): declarative weighted rules."""

import { Typography } from "@mui/material";
import { useTheme } from "@mui/material/styles";
import { BarChart } from "@mui/x-charts/BarChart";
import { ChartsReferenceLine } from "@mui/x-charts/ChartsReferenceLine";
import type { AccessActivityDay, StaffAlert } from "@vigie/contracts";
import { useLocaleState, useTranslate } from "react-admin";

interface ActivityChartProps {
  days: readonly AccessActivityDay[];
  alerts: readonly StaffAlert[];
}

const dayLabel = (day: string, locale: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/**
 * Openings, refusals and whole-conversation openings per day as bars, and each alert as a line on
 * the day its evidence ends: the chart library is loaded with this screen only.
 */
const ActivityChart = ({ days, alerts }: ActivityChartProps) => {
  // One dashed red line per day with alerts (on the day their evidence ends), labelled with their number.
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const dayKeys = days.map((day) => day.day);
  const alertDays = new Map<string, StaffAlert[]>();
  for (const alert of alerts) {
    const day = alert.windowEnd.slice(0, 10);
    if (dayKeys.includes(day))
      alertDays.set(day, [...(alertDays.get(day) ?? []), alert]);
  }
  return (
    <>
      <BarChart
        height={320}
        skipAnimation
        xAxis={[
          {
            scaleType: "band",
            data: dayKeys,
            valueFormatter: (day: string) => dayLabel(day, locale),
          },
        ]}
        yAxis={[{ tickMinStep: 1, width: 40 }]}
        series={[
          {
            data: days.map((d) => d.openings),
            label: translate("vigie.alerts.activity.openings"),
            color: theme.palette.primary.main,
          },
          {
            data: days.map((d) => d.widenings),
            label: translate("vigie.alerts.activity.widenings"),
            color: theme.palette.warning.main,
          },
          {
            data: days.map((d) => d.denials),
            label: translate("vigie.alerts.activity.denials"),
            color: theme.palette.grey[500],
          },
        ]}
        grid={{ horizontal: true }}
        margin={{ top: 24, right: 24 }}
      >
        {[...alertDays.entries()].map(([day, dayAlerts]) => (
          <ChartsReferenceLine
            key={day}
            x={day}
            label={`⚠ ${dayAlerts.length}`}
            labelAlign="start"
            lineStyle={{
              stroke: theme.palette.error.main,
              strokeDasharray: "4 3",
              strokeWidth: 2,
            }}
            labelStyle={{
              fill: theme.palette.error.main,
              fontSize: 12,
              fontWeight: 600,
            }}
          />
        ))}
      </BarChart>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ display: "block", px: 1 }}
      >
        {translate("vigie.alerts.activity.alert_marker")}
      </Typography>
    </>
  );
};

export default ActivityChart;

import { MonthlyReport, type MonthlyWindow, type ReportFigures } from '@hall/shared';

// A monthly report (月度通报) built by hand, for the exports' tests: three ranked windows in their
// ranking (not their numbers' order), one unranked last, a name holding a comma and a quote, a department overdue.

const noFollowUps = { opened: 0, open: 0, overdue: 0, closedOnTime: 0, closedLate: 0 };

const hall: ReportFigures = {
  issued: 520,
  served: 480,
  noShows: 40,
  transfersIn: 3,
  transfersOut: 3,
  averageWaitMinutes: 11.25,
  p90WaitMinutes: 31.5,
  averageHandlingMinutes: 8.04,
  p90HandlingMinutes: 15,
  waitedPastTarget: 50,
  waitedPastTargetShare: 50 / 480,
  utilisation: 0.61,
  extendedServiceSessions: 2,
  appointmentsKept: 20,
  appointmentsMissed: 4,
  onsiteServices: 1,
  ratings: {
    served: 480,
    rated: 400,
    unrated: 80,
    levels: { very_satisfied: 300, satisfied: 80, basically_satisfied: 12, dissatisfied: 6, very_dissatisfied: 2 },
    satisfactionRate: 392 / 400,
    averageStars: 4.7,
  },
  ratingsByChannel: { pad: 350, phone: 50 },
  ratingCoverage: 400 / 480,
  poorRatings: 8,
  followUps: { ...noFollowUps, opened: 8, closedOnTime: 7, closedLate: 1, overdue: 1 },
};

const window = (w: Partial<MonthlyWindow> & Pick<MonthlyWindow, 'rank' | 'windowNo' | 'windowName' | 'served' | 'score'>): MonthlyWindow => ({
  department: '县市场监督管理局',
  noShows: 5,
  averageWaitMinutes: 10,
  p90WaitMinutes: 25,
  averageHandlingMinutes: 8,
  rated: Math.round(w.served * 0.8),
  satisfactionRate: 0.98,
  ratingCoverage: 0.8,
  poorRatings: 1,
  followUpsOnTime: 1,
  followUpsOpened: 1,
  previous: null,
  ...w,
});

const keptDuty = { lastVisit: '2026-12-03', dueBy: '2027-01-03', overdue: false };

export function monthlyReportFixture(): MonthlyReport {
  return MonthlyReport.parse({
    month: '2026-12',
    from: '2026-12-01',
    to: '2026-12-31',
    waitTargetMinutes: 30,
    windows: [
      window({ rank: 1, windowNo: 5, windowName: '不动产登记', department: '县自然资源局', served: 200, score: 93.5, satisfactionRate: 0.995, previous: { rank: 3, served: 180, averageWaitMinutes: 9, satisfactionRate: 0.99, score: 85 } }),
      window({ rank: 2, windowNo: 1, windowName: '综合受理', served: 150, score: 88.25, averageWaitMinutes: 12.34, previous: { rank: 1, served: 140, averageWaitMinutes: 11, satisfactionRate: 0.97, score: 90 } }),
      window({ rank: 3, windowNo: 3, windowName: '企业开办 "一窗通", 综合', served: 130, score: 71, previous: { rank: 3, served: 100, averageWaitMinutes: 15, satisfactionRate: 0.9, score: 70 } }),
      window({ rank: null, windowNo: 2, windowName: '备用窗口', served: 0, score: null, rated: 0, satisfactionRate: null, ratingCoverage: null, averageWaitMinutes: null, p90WaitMinutes: null, averageHandlingMinutes: null, poorRatings: 0, followUpsOnTime: 0, followUpsOpened: 0 }),
    ],
    departments: [
      {
        department: '县市场监督管理局',
        windowNos: [1, 2, 3],
        served: 280,
        averageWaitMinutes: 11.5,
        averageHandlingMinutes: 8.1,
        rated: 224,
        satisfactionRate: 0.98,
        ratingCoverage: 0.8,
        poorRatings: 2,
        followUpsOnTime: 2,
        followUpsOpened: 2,
        onsiteServices: 1,
        leaderVisits: { head: 0, deputy: 1 },
        leaderDuty: { department: '县市场监督管理局', head: { lastVisit: '2026-03-10', dueBy: '2026-09-10', overdue: true }, deputy: keptDuty },
        previous: { rank: null, served: 240, averageWaitMinutes: 12, satisfactionRate: 0.97, score: null },
      },
      {
        department: '县自然资源局',
        windowNos: [5],
        served: 200,
        averageWaitMinutes: 10,
        averageHandlingMinutes: 8,
        rated: 160,
        satisfactionRate: 0.995,
        ratingCoverage: 0.8,
        poorRatings: 1,
        followUpsOnTime: 1,
        followUpsOpened: 1,
        onsiteServices: 0,
        leaderVisits: { head: 1, deputy: 2 },
        leaderDuty: { department: '县自然资源局', head: keptDuty, deputy: keptDuty },
        previous: null,
      },
    ],
    staff: [
      { staffNo: '1001', name: '王芳', windowNos: [1], served: 150, averageHandlingMinutes: 7.96, rated: 120, satisfactionRate: 0.975, poorRatings: 1 },
      { staffNo: '1002', name: '李强', windowNos: [3, 5], served: 330, averageHandlingMinutes: 8.1, rated: 280, satisfactionRate: 0.99, poorRatings: 1 },
    ],
    hall,
    daily: [
      { date: '2026-12-01', issued: 30, served: 28 },
      { date: '2026-12-02', issued: 25, served: 24 },
    ],
    waitBands: [
      { fromMinutes: 0, toMinutes: 10, count: 300 },
      { fromMinutes: 10, toMinutes: 30, count: 130 },
      { fromMinutes: 30, toMinutes: null, count: 50 },
    ],
    categories: [{ code: 'A', name: '综合业务', issued: 520, served: 480 }],
  });
}

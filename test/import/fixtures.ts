// Transcripts as Zoom, Teams, YouTube, SRT tools, Otter and typists write them
// (the shapes of real exports), with the characters that markdown or coding
// would otherwise read as structure.

export const ZOOM_VTT = `WEBVTT

1
00:00:02.340 --> 00:00:05.120
Dr Amara Okafor: Thanks for joining me today. Can you tell me about your role?

2
00:00:05.120 --> 00:00:09.870
Dr Amara Okafor: Just in your own words.

3
00:00:10.410 --> 00:00:16.000
Sam Reid: Sure. I'm an OT in primary care [laughs] for about six years.

4
00:00:16.000 --> 00:00:19.500
Sam Reid: # of patients? {#notacode} & R&amp;D *too*.
`;

export const ZOOM_MD = `---
case: zoom
source: zoom.vtt
duration: 00:00:19
---

**Dr Amara Okafor:** [00:00:02] Thanks for joining me today. Can you tell me about your role? Just in your own words.

**Sam Reid:** [00:00:10] Sure. I'm an OT in primary care [laughs] for about six years. # of patients? \\{#notacode} & R&D \\*too\\*.
`;

export const TEAMS_VTT = `WEBVTT

8a7f1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c/15-0
00:00:03.528 --> 00:00:06.198
<v Amara Okafor>Good morning, thanks for joining.</v>

8a7f1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c/15-1
00:00:06.198 --> 00:00:08.004
<v Amara Okafor>Shall we start?</v>

8a7f1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c/22-0
00:00:08.512 --> 00:00:12.250
<v Sam Reid>Yes. It's &lt;fine&gt; by me – 1. first, [sic].</v>

8a7f1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c/23-0
00:01:02.001 --> 00:01:04.700
<v Amara Okafor>Great.</v>
`;

export const TEAMS_MD = `---
case: teams
source: teams.vtt
duration: 00:01:04
---

**Amara Okafor:** [00:00:03] Good morning, thanks for joining. Shall we start?

**Sam Reid:** [00:00:08] Yes. It's \\<fine> by me – 1. first, [sic].

**Amara Okafor:** [00:01:02] Great.
`;

export const YOUTUBE_VTT = `WEBVTT
Kind: captions
Language: en

00:00:00.000 --> 00:00:02.310 align:start position:0%
 
so<00:00:00.480><c> what</c><00:00:00.960><c> does</c><00:00:01.140><c> social</c>

00:00:02.310 --> 00:00:02.320 align:start position:0%
so what does social
 

00:00:02.320 --> 00:00:05.110 align:start position:0%
so what does social
prescribing<00:00:02.880><c> mean</c><00:00:03.200><c> to</c><00:00:03.400><c> you</c>

00:00:05.110 --> 00:00:05.120 align:start position:0%
prescribing mean to you
 

00:00:05.120 --> 00:00:08.000 align:start position:0%
prescribing mean to you
it<00:00:05.500><c> feels</c><00:00:05.900><c> like</c><00:00:06.300><c> we</c>

00:00:08.000 --> 00:00:08.010 align:start position:0%
it feels like we
 

00:00:12.000 --> 00:00:14.000 align:start position:0%
it feels like we
[Music]<00:00:12.500><c> yes</c><00:00:13.000><c> we</c>
`;

export const YOUTUBE_MD = `---
case: youtube
source: youtube.vtt
duration: 00:00:14
---

[00:00:00] so what does social prescribing mean to you it feels like we

[00:00:12] [Music] yes we
`;

export const SRT = `1
00:00:01,000 --> 00:00:04,200
INTERVIEWER: What does social prescribing mean to you?

2
00:00:04,500 --> 00:00:07,000
P2: It feels like - honestly -
I don't know.

3
00:00:07,100 --> 00:00:09,000
Which is one, which is the other?

4
00:00:09,500 --> 00:00:10,000
INTERVIEWER: <i>Thank you.</i>
`;

export const SRT_MD = `---
case: interview
source: interview.srt
duration: 00:00:10
---

**INTERVIEWER:** [00:00:01] What does social prescribing mean to you?

**P2:** [00:00:04] It feels like - honestly - I don't know. Which is one, which is the other?

**INTERVIEWER:** [00:00:09] Thank you.
`;

export const OTTER_TXT = `Speaker 1  0:03
So what does social prescribing mean to you?

Speaker 2  0:09
I think it's about - well - connecting people.
# not a heading, and 2. not a list

Speaker 1  1:02:03
Right. Thanks.

Transcribed by https://otter.ai
`;

export const OTTER_MD = `---
case: otter
source: otter.txt
---

**Speaker 1:** [00:00:03] So what does social prescribing mean to you?

**Speaker 2:** [00:00:09] I think it's about - well - connecting people.
\\# not a heading, and 2. not a list

**Speaker 1:** [01:02:03] Right. Thanks.

Transcribed by https://otter.ai
`;

export const PLAIN_TXT = `Interviewer: What does social prescribing mean to you?\r
P2: When I put them together, which is one, which is the other?\r
It's hard [laughs] - > you know.\r
\r
Interviewer: So: what then?\r
- P2: We have done that for years.\r
`;

export const PLAIN_MD = `---
case: P2
source: P2.txt
---

**Interviewer:** What does social prescribing mean to you?

**P2:** When I put them together, which is one, which is the other?
It's hard [laughs] - > you know.

**Interviewer:** So: what then?
\\- P2: We have done that for years.
`;

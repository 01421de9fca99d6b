// ClaimDesk's own sample article, written for the project: an opinion piece with the traps a desk must catch. It holds
// hedged claims ("allegedly", "unconfirmed sources claim", "most likely"), figures attributed to named institutions, a
// dated meeting with a man who had died six years before (Fidel Castro died in November 2016), a wrong "came to power"
// date (Miguel Díaz-Canel became president in 2018), rhetorical questions, a doubled full stop, a byline and a photo
// credit. New users get it through "Try the sample article" and `claimdesk demo`; tests and benchmarks read it here.
export interface SampleArticle {
  title: string;
  author: string;
  url: string;
  text: string;
}

export const SAMPLE_ARTICLE: SampleArticle = {
  title: 'Havana’s Pivot East: What Cuba’s New Friendships Cost',
  author: 'Ana Lucía Ferrer',
  url: 'https://example.org/opinion/havana-pivot-east',
  text: `For more than six decades, Cuba has been described as an island frozen in time, its revolution outliving the Soviet Union that once paid its bills.

Seen from Washington, Havana looks stubborn and strangely resilient, a place that sanctions were supposed to bend long ago. When the Soviet subsidies ended in 1991, the island entered what Fidel Castro called the “Special Period”, and the economy shrank by roughly 35 percent in three years. Families queued for bread, and bicycles replaced buses across the capital.

Even so, the government insisted that socialism would outlast the shortages, and Raúl Castro became the face of a cautious opening once he took over from his brother. Miguel Díaz-Canel came to power in 2016, promising continuity rather than reform. For the first time since 1959, the country was led by someone who had not fought in the revolution.

Determined to keep the state in charge of the economy, the new leadership looked east for credit and partners. Beijing answered..
The surprise meeting between a Chinese trade delegation and Fidel Castro in November 2022 raised questions about how far Havana was prepared to go, as it sealed a partnership that Washington has watched with growing unease.

History offers a warning. In the 1960s, Moscow bought Cuban sugar at several times the world price, and by 1989 the Soviet bloc took about 85 percent of the island’s exports. When that arrangement collapsed, there was nothing underneath it. The lesson, one might think, would be to never again depend on a single patron, yet the new partnership with Beijing looks uncomfortably familiar.

Supporters of the government argue that this time is different because China asks for nothing but repayment. That argument is hard to take seriously. Chinese state banks lent Cuba an estimated $6 billion between 2000 and 2020, according to the Boston University Global Development Policy Center, and much of that debt has been quietly rescheduled more than once. Creditors who reschedule quietly tend to expect something in return.

Is Cuba simply trading one distant patron for another? And what will the island owe when the bills come due?
Although relations with Beijing were cool for years, especially after Havana sided with Moscow in the Sino-Soviet split, China’s willingness to lend without lectures has made it the island’s most patient creditor.

In 2023, Cuba received more than 1,000 tonnes of donated Chinese rice, and Chinese firms built solar parks in several provinces. The economy shrank by 10.9 percent in 2020, according to the National Office of Statistics and Information, and tourism has not returned to the levels of 2018. It seems that the leadership has run out of domestic options.

Chinese engineers allegedly built a listening station near Bejucal in 2019; unconfirmed sources claim that the site can intercept communications across the south-eastern United States, and Beijing most likely pays Havana several billion dollars for the privilege. The Wall Street Journal reported in June 2023 that the two governments had agreed in principle to a new facility on the island.

Did anyone in Washington see this coming? Hardly. Blackouts lasted up to 20 hours a day in parts of the island in 2024, and more than 500,000 Cubans have left for the United States since 2022, according to US Customs and Border Protection. Russia, too, has returned: a Russian naval squadron, including a nuclear-powered submarine, docked in Havana on June 12, 2024.

Inside the island, patience is wearing thin. On July 11, 2021, thousands of people marched in San Antonio de los Baños and dozens of other towns, in the largest protests since the revolution. Human rights groups say more than 1,000 people were detained in the weeks that followed, and hundreds remain in prison. The government blamed the unrest on social media campaigns financed from abroad, a claim it has never backed with evidence.

Meanwhile, the private sector that the state legalised in 2021 now employs a third of the workforce, by the government’s own count. Small businesses import food, fuel generators and building materials faster than any ministry can, and they are, perhaps, the most hopeful sign on the island. Whether Havana will let them grow or tax them into silence remains an open question.

The alignment with Beijing seems like the only way for Havana to keep the lights on, yet it is a dependence with a price. Whether it pays off is anyone’s guess, and it would be wise for the island’s neighbours to watch closely rather than lecture from a distance.

Written by Ana Lucía Ferrer, Edited by Tomasz Wilk
Photo credit: Unsplash`,
};

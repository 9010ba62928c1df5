-- What a requester's Wikimedia account said of itself at their last sign-in with it: username,
-- edit count, registration date, groups and whether it is blocked, for reviewers. One row a person.
CREATE TABLE "WikimediaAccountFacts" (
    "userId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "editCount" INTEGER,
    "registeredAt" TIMESTAMP(3),
    "groups" TEXT[],
    "blocked" BOOLEAN NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WikimediaAccountFacts_pkey" PRIMARY KEY ("userId")
);

ALTER TABLE "WikimediaAccountFacts" ADD CONSTRAINT "WikimediaAccountFacts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
